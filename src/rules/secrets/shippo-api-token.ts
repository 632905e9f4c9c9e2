import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-085',
    slug: 'shippo-api-token',
    title: "Exposed Shippo API token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Shippo API token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Shippo API token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['shippo-api-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["shippo_api_token = \"shippo_live_063438cdd1885244bdbc3db54ecdc1eae9bacf40\"\n"],
      good: ["shippo_api_token = \"${SHIPPO_API_TOKEN}\"\n"],
    },
  },
  check: reportDetector('shippo-api-token', "Shippo API token"),
});
