import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-074',
    slug: 'slack-app-token',
    title: "Exposed Slack app-level token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Slack app-level token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Slack app-level token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://api.slack.com/authentication/token-types', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["slack_app_token = \"xapp-9-3LC29RUK4-4117021227-ae72e09a937674925976c331ea2c2400e7b2e629783c0da3d8d98544bca5ca4d\"\n"],
      good: ["slack_app_token = \"${SLACK_APP_TOKEN}\"\n"],
    },
  },
  check: reportDetector('slack-app-token', "Slack app-level token"),
});
