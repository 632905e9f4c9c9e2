import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-070',
    slug: 'hex-pm-api-key',
    title: "Exposed Hex.pm API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Hex.pm API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Hex.pm API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["hex_pm_api_key = \"5db89cbf31e207d8775bfa48dd61e8b9\"\n"],
      good: ["hex_pm_api_key = \"${HEX_PM_API_KEY}\"\n"],
    },
  },
  check: reportDetector('hex-pm-api-key', "Hex.pm API key"),
});
