import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-072',
    slug: 'slack-bot-token',
    title: "Exposed Slack bot token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Slack bot token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Slack bot token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['slack-access-token'],
    practice: 'P8',
    references: ['https://api.slack.com/authentication/token-types', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["slack_bot_token = \"xoxb-1129660530-8238387693-51QIuOKsqCdRuVpSjBxrQ4GC\"\n"],
      good: ["slack_bot_token = \"${SLACK_BOT_TOKEN}\"\n"],
    },
  },
  check: reportDetector('slack-bot-token', "Slack bot token"),
});
