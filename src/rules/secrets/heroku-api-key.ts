import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-018',
    slug: 'heroku-api-key',
    title: "Exposed Heroku API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Heroku API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Heroku API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["heroku_api_key = \"HRKU-hvh72XOFEIxSsWoRtk6NndNB8sxZ402tg3qv3AAdeChOGxR0GgYKYsBNdPfq\"\n"],
      good: ["heroku_api_key = \"${HEROKU_API_KEY}\"\n"],
    },
  },
  check: reportDetector('heroku-api-key', "Heroku API key"),
});
