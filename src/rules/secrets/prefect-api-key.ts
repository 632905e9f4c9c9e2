import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-145',
    slug: 'prefect-api-key',
    title: "Exposed Prefect API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Prefect API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Prefect API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["prefect_api_key = \"pnu_LhaxIYU1BBxnx0hEM9eQnIRn1nWy7YPgAEYd\"\n"],
      good: ["prefect_api_key = \"${PREFECT_API_KEY}\"\n"],
    },
  },
  check: reportDetector('prefect-api-key', "Prefect API key"),
});
