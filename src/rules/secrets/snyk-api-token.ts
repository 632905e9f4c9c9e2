import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-164',
    slug: 'snyk-api-token',
    title: "Exposed Snyk API token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Snyk API token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Snyk API token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["snyk_api_token = \"e261d55c-7157-f39f-99a8-25ee6879c8e5\"\n"],
      good: ["snyk_api_token = \"${SNYK_API_TOKEN}\"\n"],
    },
  },
  check: reportDetector('snyk-api-token', "Snyk API token"),
});
