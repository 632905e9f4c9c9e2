import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-007',
    slug: 'gcp-oauth-client-secret',
    title: "Exposed Google OAuth client secret",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Google OAuth client secret committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Google OAuth client secret at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cloud.google.com/docs/authentication/api-keys', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["gcp_oauth_client_secret = \"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\"\n"],
      good: ["gcp_oauth_client_secret = \"${GCP_OAUTH_CLIENT_SECRET}\"\n"],
    },
  },
  check: reportDetector('gcp-oauth-client-secret', "Google OAuth client secret"),
});
