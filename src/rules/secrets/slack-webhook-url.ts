import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-076',
    slug: 'slack-webhook-url',
    title: "Exposed Slack incoming webhook URL",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Slack incoming webhook URL committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Slack incoming webhook URL at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['slack-web-hook'],
    practice: 'P8',
    references: ['https://api.slack.com/authentication/token-types', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["WEBHOOK_URL=https://hooks.slack.com/services/ztRTqDDChZxm1THzH3YNgymB49ysepThYMrfP6zF\n"],
      good: ["WEBHOOK_URL=${WEBHOOK_URL}\n"],
    },
  },
  check: reportDetector('slack-webhook-url', "Slack incoming webhook URL"),
});
