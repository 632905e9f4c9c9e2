import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-092',
    slug: 'mailgun-api-key',
    title: "Exposed Mailgun private API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Mailgun private API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Mailgun private API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['mailgun-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["mailgun_api_key = \"key-9532e8befec2a626493e0a5beddbc2d2\"\n"],
      good: ["mailgun_api_key = \"${MAILGUN_API_KEY}\"\n"],
    },
  },
  check: reportDetector('mailgun-api-key', "Mailgun private API key"),
});
