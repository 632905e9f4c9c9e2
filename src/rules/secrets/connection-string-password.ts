import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-189',
    slug: 'connection-string-password',
    title: "Exposed Password in an ADO.NET / ODBC connection string",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A connection URL with an inline password hands the service to anyone who can read the file, the image built from it or the repository history.",
    remediation: "Revoke or rotate the Password in an ADO.NET / ODBC connection string at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["\"Default\": \"Server=db.acme.io;Database=app;User Id=app;Password=2K56GbuO2gJWnO!;\"\n"],
      good: ["\"Default\": \"Server=db.acme.io;Database=app;Integrated Security=true;\"\n"],
    },
  },
  check: reportDetector('connection-string-password', "Password in an ADO.NET / ODBC connection string"),
});
