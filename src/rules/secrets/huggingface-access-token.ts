import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-125',
    slug: 'huggingface-access-token',
    title: "Exposed Hugging Face access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Hugging Face access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Hugging Face access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['hugging-face-access-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["huggingface_access_token = \"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\"\n"],
      good: ["huggingface_access_token = \"${HUGGINGFACE_ACCESS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('huggingface-access-token', "Hugging Face access token"),
});
