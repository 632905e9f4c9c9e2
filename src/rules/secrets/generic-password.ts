import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-190',
    slug: 'generic-password',
    title: "Password assigned in code or configuration",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A credential written as a literal in code or configuration is read by everyone with access to the repository, the images built from it and its history.",
    remediation: "Rotate the credential, remove the literal (history and built images keep it), and read it at run time from a secret store, a mounted Secret or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["DB_PASSWORD=r2ho32NAiyHRVu#1\n"],
      good: ["DB_PASSWORD=${DB_PASSWORD}\n"],
    },
  },
  check: reportDetector('generic-password', "Password literal"),
});
