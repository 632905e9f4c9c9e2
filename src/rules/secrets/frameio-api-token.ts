import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-148',
    slug: 'frameio-api-token',
    title: "Exposed Frame.io API token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Frame.io API token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Frame.io API token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['frameio-api-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["frameio_api_token = \"fio-u-mDoaDbxGiKMrPBxUS49XDmbDv6Bca3peCchwyBifbwRqW30NgEcip4rJhICJiyVU\"\n"],
      good: ["frameio_api_token = \"${FRAMEIO_API_TOKEN}\"\n"],
    },
  },
  check: reportDetector('frameio-api-token', "Frame.io API token"),
});
