import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-043',
    slug: 'circleci-personal-token',
    title: "Exposed CircleCI personal API token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A CircleCI personal API token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the CircleCI personal API token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["circleci_personal_token = \"CCIPAT_6Bn4mCLEc0qHvVhN3F09FF_7cea441f3c14085b679ac05388404216f535d77d\"\n"],
      good: ["circleci_personal_token = \"${CIRCLECI_PERSONAL_TOKEN}\"\n"],
    },
  },
  check: reportDetector('circleci-personal-token', "CircleCI personal API token"),
});
