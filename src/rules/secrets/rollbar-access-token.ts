import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-120',
    slug: 'rollbar-access-token',
    title: "Exposed Rollbar access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Rollbar access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Rollbar access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["rollbar_access_token = \"f7db90621af7f9a6ff45c418188ef3bb\"\n"],
      good: ["rollbar_access_token = \"${ROLLBAR_ACCESS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('rollbar-access-token', "Rollbar access token"),
});
