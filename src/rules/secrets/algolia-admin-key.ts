import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-158',
    slug: 'algolia-admin-key',
    title: "Exposed Algolia admin API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Algolia admin API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Algolia admin API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["algolia_admin_key = \"a976ff44000e1a27d29598ae8785a02d\"\n"],
      good: ["algolia_admin_key = \"${ALGOLIA_ADMIN_KEY}\"\n"],
    },
  },
  check: reportDetector('algolia-admin-key', "Algolia admin API key"),
});
