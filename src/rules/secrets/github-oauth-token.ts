import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-025',
    slug: 'github-oauth-token',
    title: "Exposed GitHub OAuth access token",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A GitHub OAuth access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the GitHub OAuth access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['github-oauth'],
    practice: 'P8',
    references: ['https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["github_oauth_token = \"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\"\n"],
      good: ["github_oauth_token = \"${GITHUB_OAUTH_TOKEN}\"\n"],
    },
  },
  check: reportDetector('github-oauth-token', "GitHub OAuth access token"),
});
