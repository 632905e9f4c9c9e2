import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-027',
    slug: 'github-app-installation-token',
    title: "Exposed GitHub App installation (server-to-server) token",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A GitHub App installation (server-to-server) token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the GitHub App installation (server-to-server) token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['github-app-token'],
    practice: 'P8',
    references: ['https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["github_app_installation_token = \"ghs_WBgP76uhFDEEHavHpBl4xmAPZ6ruRU2iUUuY\"\n"],
      good: ["github_app_installation_token = \"${GITHUB_APP_INSTALLATION_TOKEN}\"\n"],
    },
  },
  check: reportDetector('github-app-installation-token', "GitHub App installation (server-to-server) token"),
});
