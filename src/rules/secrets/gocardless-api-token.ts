import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-088',
    slug: 'gocardless-api-token',
    title: "Exposed GoCardless access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A GoCardless access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the GoCardless access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['gocardless-api-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["gocardless_api_token = \"live_AoQQSrVsx6l57d0ajhmUAhKqPWAoFuZZ8TKqIELv\"\n"],
      good: ["gocardless_api_token = \"${GOCARDLESS_API_TOKEN}\"\n"],
    },
  },
  check: reportDetector('gocardless-api-token', "GoCardless access token"),
});
