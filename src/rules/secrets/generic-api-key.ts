import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-193',
    slug: 'generic-api-key',
    title: "API key assigned in code or configuration",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A credential written as a literal in code or configuration is read by everyone with access to the repository, the images built from it and its history.",
    remediation: "Rotate the credential, remove the literal (history and built images keep it), and read it at run time from a secret store, a mounted Secret or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["{\"api_key\": \"YtAfHLcxBEi1avgToBu8lT693CZM7P09\"}\n"],
      good: ["{\"api_key\": \"<your-api-key>\"}\n"],
    },
  },
  check: reportDetector('generic-api-key', "API key literal"),
});
