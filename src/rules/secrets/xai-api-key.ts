import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-130',
    slug: 'xai-api-key',
    title: "Exposed xAI API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A xAI API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the xAI API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["xai_api_key = \"xai-MftQpK6AOkKhsYHpT16bN3AHUlG0GIa7L2TPVuPpX5nbQ9j507JEhUbwK8yz1NH42qYDZs19Ydoo5q4p\"\n"],
      good: ["xai_api_key = \"${XAI_API_KEY}\"\n"],
    },
  },
  check: reportDetector('xai-api-key', "xAI API key"),
});
