import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-091',
    slug: 'sendgrid-api-key',
    title: "Exposed SendGrid API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A SendGrid API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the SendGrid API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['sendgrid-api-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["sendgrid_api_key = \"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\"\n"],
      good: ["sendgrid_api_key = \"${SENDGRID_API_KEY}\"\n"],
    },
  },
  check: reportDetector('sendgrid-api-key', "SendGrid API key"),
});
