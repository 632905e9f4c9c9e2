import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-141',
    slug: 'databricks-token',
    title: "Exposed Databricks personal access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Databricks personal access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Databricks personal access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['databricks-api-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["databricks_token = \"dapi8716423ab839c43c1441da8997b7abe3\"\n"],
      good: ["databricks_token = \"${DATABRICKS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('databricks-token', "Databricks personal access token"),
});
