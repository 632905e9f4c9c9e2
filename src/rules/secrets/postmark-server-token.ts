import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-096',
    slug: 'postmark-server-token',
    title: "Exposed Postmark server token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Postmark server token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Postmark server token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["postmark_server_token = \"196fc36d-944b-b7b6-bdd3-00762e45f2e4\"\n"],
      good: ["postmark_server_token = \"${POSTMARK_SERVER_TOKEN}\"\n"],
    },
  },
  check: reportDetector('postmark-server-token', "Postmark server token"),
});
