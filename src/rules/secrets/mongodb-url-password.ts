import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-180',
    slug: 'mongodb-url-password',
    title: "Exposed MongoDB connection URL with a password",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A connection URL with an inline password hands the service to anyone who can read the file, the image built from it or the repository history.",
    remediation: "Revoke or rotate the MongoDB connection URL with a password at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["DATABASE_URL=mongodb+srv://app:Bl9I9sZuY3qxJiAS@db.acme.io:5432/app\n"],
      good: ["DATABASE_URL=mongodb+srv://app:${DB_PASSWORD}@db.acme.io:5432/app\n"],
    },
  },
  check: reportDetector('mongodb-url-password', "MongoDB connection URL with a password"),
});
