import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-162',
    slug: 'netlify-access-token',
    title: "Exposed Netlify access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Netlify access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Netlify access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["netlify_access_token = \"3fivVJDDdS8NrcoaVIHPXwVW0lx2rCzncFVeqn6U\"\n"],
      good: ["netlify_access_token = \"${NETLIFY_ACCESS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('netlify-access-token', "Netlify access token"),
});
