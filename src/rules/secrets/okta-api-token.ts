import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-159',
    slug: 'okta-api-token',
    title: "Exposed Okta API token",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A Okta API token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Okta API token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["okta_api_token = \"00fC6wldCrtERkKdMf8dXULT8kBA9slZYMeTEvCkWK\"\n"],
      good: ["okta_api_token = \"${OKTA_API_TOKEN}\"\n"],
    },
  },
  check: reportDetector('okta-api-token', "Okta API token"),
});
