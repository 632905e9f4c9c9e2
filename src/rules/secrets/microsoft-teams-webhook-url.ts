import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-100',
    slug: 'microsoft-teams-webhook-url',
    title: "Exposed Microsoft Teams incoming webhook URL",
    severity: 'medium',
    appliesTo: ['secrets'],
    description: "A Microsoft Teams incoming webhook URL committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Microsoft Teams incoming webhook URL at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["WEBHOOK_URL=https://f.webhook.office.com/webhookb2/43yxkwdhwvdc9rov8a4qsit4s8n78n13vciz@59pudssiud2cku7sjfbq5y7hx7ez1f1u6nyp/IncomingWebhook/p1izmbzzzl2y5sbkzgc5lc1d6dlow6ga/4g7w4pj04qaa8s4b1lk1bo86b2oc57z0bqqn\n"],
      good: ["WEBHOOK_URL=${WEBHOOK_URL}\n"],
    },
  },
  check: reportDetector('microsoft-teams-webhook-url', "Microsoft Teams incoming webhook URL"),
});
