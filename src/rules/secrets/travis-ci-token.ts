import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-045',
    slug: 'travis-ci-token',
    title: "Exposed Travis CI API token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Travis CI API token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Travis CI API token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["travis_ci_token = \"v8zdVtFH1bzF0VT7E1kxB8\"\n"],
      good: ["travis_ci_token = \"${TRAVIS_CI_TOKEN}\"\n"],
    },
  },
  check: reportDetector('travis-ci-token', "Travis CI API token"),
});
