import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-107',
    slug: 'new-relic-user-api-key',
    title: "Exposed New Relic user API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A New Relic user API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the New Relic user API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['new-relic-user-api-key'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["new_relic_user_api_key = \"NRAK-EUBTYL1GHTEMOJU802VODV8N0XE\"\n"],
      good: ["new_relic_user_api_key = \"${NEW_RELIC_USER_API_KEY}\"\n"],
    },
  },
  check: reportDetector('new-relic-user-api-key', "New Relic user API key"),
});
