import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-167',
    slug: 'zendesk-api-token',
    title: "Exposed Zendesk API token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Zendesk API token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Zendesk API token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["zendesk_api_token = \"Qoh2BKcs6zirC8NIlmAj4ZBHAARtQ0AEs8JSvxtC\"\n"],
      good: ["zendesk_api_token = \"${ZENDESK_API_TOKEN}\"\n"],
    },
  },
  check: reportDetector('zendesk-api-token', "Zendesk API token"),
});
