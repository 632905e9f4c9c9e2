import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-026',
    slug: 'github-app-user-token',
    title: "Exposed GitHub App user-to-server token",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A GitHub App user-to-server token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the GitHub App user-to-server token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['github-app-token'],
    practice: 'P8',
    references: ['https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["github_app_user_token = \"ghu_Y7xZbKbK15Ei34R4ypUGR7OFgIT4gy1dnDdd\"\n"],
      good: ["github_app_user_token = \"${GITHUB_APP_USER_TOKEN}\"\n"],
    },
  },
  check: reportDetector('github-app-user-token', "GitHub App user-to-server token"),
});
