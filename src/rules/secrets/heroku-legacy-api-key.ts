import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-019',
    slug: 'heroku-legacy-api-key',
    title: "Exposed Heroku API key (UUID form)",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Heroku API key (UUID form) committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Heroku API key (UUID form) at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['heroku-api-key'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["heroku_legacy_api_key = \"dda666cD-3dEb-c2b0-E161-D07e1cB3fD2a\"\n"],
      good: ["heroku_legacy_api_key = \"${HEROKU_LEGACY_API_KEY}\"\n"],
    },
  },
  check: reportDetector('heroku-legacy-api-key', "Heroku API key (UUID form)"),
});
