import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-106',
    slug: 'datadog-app-key',
    title: "Exposed Datadog application key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Datadog application key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Datadog application key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["datadog_app_key = \"0b88d288687a50308aa92f8a9e40c85a6974275a\"\n"],
      good: ["datadog_app_key = \"${DATADOG_APP_KEY}\"\n"],
    },
  },
  check: reportDetector('datadog-app-key', "Datadog application key"),
});
