import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-075',
    slug: 'slack-legacy-token',
    title: "Exposed Slack legacy, workspace or refresh token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Slack legacy, workspace or refresh token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Slack legacy, workspace or refresh token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['slack-access-token'],
    practice: 'P8',
    references: ['https://api.slack.com/authentication/token-types', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["slack_legacy_token = \"xoxa-k8og7zUftTJH5UpdGYh7K3HP24bqb2\"\n"],
      good: ["slack_legacy_token = \"${SLACK_LEGACY_TOKEN}\"\n"],
    },
  },
  check: reportDetector('slack-legacy-token', "Slack legacy, workspace or refresh token"),
});
