import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-041',
    slug: 'bitbucket-client-secret',
    title: "Exposed Bitbucket OAuth client secret",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Bitbucket OAuth client secret committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Bitbucket OAuth client secret at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['bitbucket-client-secret'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["bitbucket_client_secret = \"AaVC2BfYWJYtzo5Mpti6g5S8z7GPeXXfrRHyT8mJsrR6hR6VCpwiIHTsCb2I1mBt\"\n"],
      good: ["bitbucket_client_secret = \"${BITBUCKET_CLIENT_SECRET}\"\n"],
    },
  },
  check: reportDetector('bitbucket-client-secret', "Bitbucket OAuth client secret"),
});
