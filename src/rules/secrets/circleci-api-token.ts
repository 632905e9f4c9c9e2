import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-044',
    slug: 'circleci-api-token',
    title: "Exposed CircleCI API token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A CircleCI API token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the CircleCI API token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["circleci_api_token = \"592909c6c541828341e1314918d81134d1c7b029\"\n"],
      good: ["circleci_api_token = \"${CIRCLECI_API_TOKEN}\"\n"],
    },
  },
  check: reportDetector('circleci-api-token', "CircleCI API token"),
});
