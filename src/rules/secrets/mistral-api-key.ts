import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-132',
    slug: 'mistral-api-key',
    title: "Exposed Mistral AI API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Mistral AI API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Mistral AI API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["mistral_api_key = \"Wyk5d8xfLVei4gCciSH7I8gRNsIbuXpO\"\n"],
      good: ["mistral_api_key = \"${MISTRAL_API_KEY}\"\n"],
    },
  },
  check: reportDetector('mistral-api-key', "Mistral AI API key"),
});
