import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-123',
    slug: 'anthropic-api-key',
    title: "Exposed Anthropic API key",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A Anthropic API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Anthropic API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["anthropic_api_key = \"sk-ant-api03-FLuaWyDlIzDPjN5qTyScnQcI5zkuf2hVdJ84EYJ1641XjbRV7Mdb63UrzV2xY50SdydarG5Kh59jOFFLGyRR8v8rm3fQXAA\"\n"],
      good: ["anthropic_api_key = \"${ANTHROPIC_API_KEY}\"\n"],
    },
  },
  check: reportDetector('anthropic-api-key', "Anthropic API key"),
});
