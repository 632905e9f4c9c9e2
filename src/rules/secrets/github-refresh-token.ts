import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-028',
    slug: 'github-refresh-token',
    title: "Exposed GitHub refresh token",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A GitHub refresh token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the GitHub refresh token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['github-refresh-token'],
    practice: 'P8',
    references: ['https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["github_refresh_token = \"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\"\n"],
      good: ["github_refresh_token = \"${GITHUB_REFRESH_TOKEN}\"\n"],
    },
  },
  check: reportDetector('github-refresh-token', "GitHub refresh token"),
});
