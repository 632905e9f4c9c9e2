import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-188',
    slug: 'basic-auth-url',
    title: "Exposed HTTP URL with basic-auth credentials",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A connection URL with an inline password hands the service to anyone who can read the file, the image built from it or the repository history.",
    remediation: "Revoke or rotate the HTTP URL with basic-auth credentials at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["DATABASE_URL=https://app:NKbLb1lOS2fPnvTn@db.acme.io:5432/app\n"],
      good: ["DATABASE_URL=https://app:${DB_PASSWORD}@db.acme.io:5432/app\n"],
    },
  },
  check: reportDetector('basic-auth-url', "HTTP URL with basic-auth credentials"),
});
