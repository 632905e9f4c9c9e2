import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-128',
    slug: 'replicate-api-token',
    title: "Exposed Replicate API token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Replicate API token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Replicate API token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["replicate_api_token = \"r8_aqSIz3B0eBMR2mPBUA6LtK8nOt67w5C7I9g7O\"\n"],
      good: ["replicate_api_token = \"${REPLICATE_API_TOKEN}\"\n"],
    },
  },
  check: reportDetector('replicate-api-token', "Replicate API token"),
});
