import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-157',
    slug: 'linkedin-client-secret',
    title: "Exposed LinkedIn client secret",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A LinkedIn client secret committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the LinkedIn client secret at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['linkedin-client-secret'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["linkedin_client_secret = \"ouwrM2PNNi5kSceL\"\n"],
      good: ["linkedin_client_secret = \"${LINKEDIN_CLIENT_SECRET}\"\n"],
    },
  },
  check: reportDetector('linkedin-client-secret', "LinkedIn client secret"),
});
