import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-024',
    slug: 'github-personal-access-token',
    title: "Exposed GitHub personal access token (classic)",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A GitHub personal access token (classic) committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the GitHub personal access token (classic) at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['github-pat'],
    practice: 'P8',
    references: ['https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["github_personal_access_token = \"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\"\n"],
      good: ["github_personal_access_token = \"${GITHUB_PERSONAL_ACCESS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('github-personal-access-token', "GitHub personal access token (classic)"),
});
