import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-176',
    slug: 'json-web-token',
    title: "Exposed JSON Web Token",
    severity: 'medium',
    appliesTo: ['secrets'],
    description: "A JSON Web Token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the JSON Web Token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['jwt-token'],
    practice: 'P8',
    references: ['https://www.rfc-editor.org/rfc/rfc7519', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4dksyQzJDc0tRIiwibmFtZSI6InN2YyIsImlhdCI6MTc2NDQwMDAwMH0.Ixk7lJdm2bK7KD6YxFMoqhjnHMbIR3i4zRvC6R8TiY8\n"],
      good: ["Authorization: Bearer ${JWT}\n"],
    },
  },
  check: reportDetector('json-web-token', "JSON Web Token"),
});
