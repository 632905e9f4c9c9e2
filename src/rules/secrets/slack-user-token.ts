import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-073',
    slug: 'slack-user-token',
    title: "Exposed Slack user token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Slack user token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Slack user token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['slack-access-token'],
    practice: 'P8',
    references: ['https://api.slack.com/authentication/token-types', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["slack_user_token = \"xoxp-9928670411-4945813217-2241599656-667d3ccf618b0d553c39853b59b9332a\"\n"],
      good: ["slack_user_token = \"${SLACK_USER_TOKEN}\"\n"],
    },
  },
  check: reportDetector('slack-user-token', "Slack user token"),
});
