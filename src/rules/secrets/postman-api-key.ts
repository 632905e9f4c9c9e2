import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-138',
    slug: 'postman-api-key',
    title: "Exposed Postman API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Postman API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Postman API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['postman-api-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["postman_api_key = \"PMAK-dcfebebc2f1f2c744f846fd8-115d10afee345a3b0f91e3abba0bf5bffb\"\n"],
      good: ["postman_api_key = \"${POSTMAN_API_KEY}\"\n"],
    },
  },
  check: reportDetector('postman-api-key', "Postman API key"),
});
