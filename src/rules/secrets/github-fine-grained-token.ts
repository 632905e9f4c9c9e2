import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-029',
    slug: 'github-fine-grained-token',
    title: "Exposed GitHub fine-grained personal access token",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A GitHub fine-grained personal access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the GitHub fine-grained personal access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['github-fine-grained-pat'],
    practice: 'P8',
    references: ['https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["github_fine_grained_token = \"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\"\n"],
      good: ["github_fine_grained_token = \"${GITHUB_FINE_GRAINED_TOKEN}\"\n"],
    },
  },
  check: reportDetector('github-fine-grained-token', "GitHub fine-grained personal access token"),
});
