import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-139',
    slug: 'typeform-token',
    title: "Exposed Typeform personal access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Typeform personal access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Typeform personal access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['typeform-api-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["typeform_token = \"tfp_BHJe3VZdIXFnmPcmH4On1PuQCN9EtTNSFObMVso6z1vPpcFaSmFphUcKRAR\"\n"],
      good: ["typeform_token = \"${TYPEFORM_TOKEN}\"\n"],
    },
  },
  check: reportDetector('typeform-token', "Typeform personal access token"),
});
