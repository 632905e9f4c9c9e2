import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-121',
    slug: 'bugsnag-api-key',
    title: "Exposed Bugsnag API key",
    severity: 'medium',
    appliesTo: ['secrets'],
    description: "A Bugsnag API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Bugsnag API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["bugsnag_api_key = \"52d666dff91cf81113136e3908da4353\"\n"],
      good: ["bugsnag_api_key = \"${BUGSNAG_API_KEY}\"\n"],
    },
  },
  check: reportDetector('bugsnag-api-key', "Bugsnag API key"),
});
