import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-127',
    slug: 'groq-api-key',
    title: "Exposed Groq API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Groq API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Groq API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["groq_api_key = \"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\"\n"],
      good: ["groq_api_key = \"${GROQ_API_KEY}\"\n"],
    },
  },
  check: reportDetector('groq-api-key', "Groq API key"),
});
