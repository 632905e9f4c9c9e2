import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-129',
    slug: 'perplexity-api-key',
    title: "Exposed Perplexity API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Perplexity API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Perplexity API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["perplexity_api_key = \"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\"\n"],
      good: ["perplexity_api_key = \"${PERPLEXITY_API_KEY}\"\n"],
    },
  },
  check: reportDetector('perplexity-api-key', "Perplexity API key"),
});
