import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-191',
    slug: 'generic-secret',
    title: "Secret assigned in code or configuration",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A credential written as a literal in code or configuration is read by everyone with access to the repository, the images built from it and its history.",
    remediation: "Rotate the credential, remove the literal (history and built images keep it), and read it at run time from a secret store, a mounted Secret or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["client_secret: \"x1TWWIbZYTcFYBnKdd8cLbas\"\n"],
      good: ["client_secret: \"{{ .Values.clientSecret }}\"\n"],
    },
  },
  check: reportDetector('generic-secret', "Secret literal"),
});
