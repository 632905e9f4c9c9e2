import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-008',
    slug: 'google-oauth-access-token',
    title: "Exposed Google OAuth access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Google OAuth access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Google OAuth access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cloud.google.com/docs/authentication/api-keys', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["google_oauth_access_token = \"ya29.VhiHG3AqUK06ynaynipyef8nMfUuS2\"\n"],
      good: ["google_oauth_access_token = \"${GOOGLE_OAUTH_ACCESS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('google-oauth-access-token', "Google OAuth access token"),
});
