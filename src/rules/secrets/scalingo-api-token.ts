import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-147',
    slug: 'scalingo-api-token',
    title: "Exposed Scalingo API token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Scalingo API token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Scalingo API token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["scalingo_api_token = \"tk-us-ZwDy89JoxbIgfbTe0H36ImC7mHZkF1hN67Nx1vtpZcaQYZOb\"\n"],
      good: ["scalingo_api_token = \"${SCALINGO_API_TOKEN}\"\n"],
    },
  },
  check: reportDetector('scalingo-api-token', "Scalingo API token"),
});
