import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-119',
    slug: 'pagerduty-api-key',
    title: "Exposed PagerDuty API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A PagerDuty API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the PagerDuty API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["pagerduty_api_key = \"eAT8I8sogFhLwHiGLCnB\"\n"],
      good: ["pagerduty_api_key = \"${PAGERDUTY_API_KEY}\"\n"],
    },
  },
  check: reportDetector('pagerduty-api-key', "PagerDuty API key"),
});
