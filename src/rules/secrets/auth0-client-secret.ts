import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-160',
    slug: 'auth0-client-secret',
    title: "Exposed Auth0 client secret",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Auth0 client secret committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Auth0 client secret at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["auth0_client_secret = \"ARvibF5v7OQZyRAlMzMCurj1d4DXctAX1NJ58FQwjiPcnBhZe31839lGGmgLdJMH\"\n"],
      good: ["auth0_client_secret = \"${AUTH0_CLIENT_SECRET}\"\n"],
    },
  },
  check: reportDetector('auth0-client-secret', "Auth0 client secret"),
});
