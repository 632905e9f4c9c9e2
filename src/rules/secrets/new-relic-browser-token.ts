import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-109',
    slug: 'new-relic-browser-token',
    title: "Exposed New Relic browser API token",
    severity: 'medium',
    appliesTo: ['secrets'],
    description: "A New Relic browser API token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the New Relic browser API token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['new-relic-browser-api-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["new_relic_browser_token = \"NRJS-350d520e093d3b1f32d\"\n"],
      good: ["new_relic_browser_token = \"${NEW_RELIC_BROWSER_TOKEN}\"\n"],
    },
  },
  check: reportDetector('new-relic-browser-token', "New Relic browser API token"),
});
