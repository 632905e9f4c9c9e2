import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-095',
    slug: 'mailjet-api-secret',
    title: "Exposed Mailjet API secret",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Mailjet API secret committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Mailjet API secret at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["mailjet_api_secret = \"e05d47b23fbcd2fdaefa17670fac51b1\"\n"],
      good: ["mailjet_api_secret = \"${MAILJET_API_SECRET}\"\n"],
    },
  },
  check: reportDetector('mailjet-api-secret', "Mailjet API secret"),
});
