import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-105',
    slug: 'datadog-api-key',
    title: "Exposed Datadog API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Datadog API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Datadog API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["datadog_api_key = \"7b0d7cc710285a2f6229832139a6257e\"\n"],
      good: ["datadog_api_key = \"${DATADOG_API_KEY}\"\n"],
    },
  },
  check: reportDetector('datadog-api-key', "Datadog API key"),
});
