import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-094',
    slug: 'mailchimp-api-key',
    title: "Exposed Mailchimp API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Mailchimp API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Mailchimp API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['mailchimp-api-key'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["mailchimp_api_key = \"8b43660652ea0bdf8431ac0083884855-us4\"\n"],
      good: ["mailchimp_api_key = \"${MAILCHIMP_API_KEY}\"\n"],
    },
  },
  check: reportDetector('mailchimp-api-key', "Mailchimp API key"),
});
