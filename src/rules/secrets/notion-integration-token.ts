import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-134',
    slug: 'notion-integration-token',
    title: "Exposed Notion integration token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Notion integration token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Notion integration token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["notion_integration_token = \"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\"\n"],
      good: ["notion_integration_token = \"${NOTION_INTEGRATION_TOKEN}\"\n"],
    },
  },
  check: reportDetector('notion-integration-token', "Notion integration token"),
});
