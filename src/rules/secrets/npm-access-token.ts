import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-059',
    slug: 'npm-access-token',
    title: "Exposed npm access token",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A npm access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the npm access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['npm-access-token'],
    practice: 'P8',
    references: ['https://github.blog/changelog/2021-09-23-npm-has-a-new-access-token-format/', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["//registry.npmjs.org/:_authToken=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\n"],
      good: ["//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n"],
    },
  },
  check: reportDetector('npm-access-token', "npm access token"),
});
