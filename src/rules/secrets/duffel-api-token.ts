import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-087',
    slug: 'duffel-api-token',
    title: "Exposed Duffel API token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Duffel API token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Duffel API token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['duffel-api-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["duffel_api_token = \"duffel_test_OCJkJWHky16pwBZrwmmkEohksTylnvRnNVoGNfpvo4x\"\n"],
      good: ["duffel_api_token = \"${DUFFEL_API_TOKEN}\"\n"],
    },
  },
  check: reportDetector('duffel-api-token', "Duffel API token"),
});
