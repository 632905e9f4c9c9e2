import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-006',
    slug: 'gcp-api-key',
    title: "Exposed Google Cloud API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Google Cloud API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Google Cloud API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cloud.google.com/docs/authentication/api-keys', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["gcp_api_key = \"AIza1eHojwWtC7DunGKrmhhCpplD95FLTU3KcuB\"\n"],
      good: ["gcp_api_key = \"${GCP_API_KEY}\"\n"],
    },
  },
  check: reportDetector('gcp-api-key', "Google Cloud API key"),
});
