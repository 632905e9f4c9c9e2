import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-122',
    slug: 'openai-api-key',
    title: "Exposed OpenAI API key",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A OpenAI API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the OpenAI API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["openai_api_key = \"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\"\n"],
      good: ["openai_api_key = \"${OPENAI_API_KEY}\"\n"],
    },
  },
  check: reportDetector('openai-api-key', "OpenAI API key"),
});
