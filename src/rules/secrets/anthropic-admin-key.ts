import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-124',
    slug: 'anthropic-admin-key',
    title: "Exposed Anthropic admin API key",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A Anthropic admin API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Anthropic admin API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["anthropic_admin_key = \"sk-ant-admin01-QsriYoNi8v4YoYGAP2Nbwxdh3pOxhgJn6NSK5p5YlhrOZusdWn62MYTBunvcjR895y7zTd1WMF3vYNeLWvdtf4pZFNQUwAA\"\n"],
      good: ["anthropic_admin_key = \"${ANTHROPIC_ADMIN_KEY}\"\n"],
    },
  },
  check: reportDetector('anthropic-admin-key', "Anthropic admin API key"),
});
