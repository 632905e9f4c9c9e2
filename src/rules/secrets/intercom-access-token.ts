import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-168',
    slug: 'intercom-access-token',
    title: "Exposed Intercom access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Intercom access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Intercom access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["intercom_access_token = \"dG9rOjNN0KyeSBrrUXJiFJH5wLE0HXeWZUaYeeTyS03cOA\"\n"],
      good: ["intercom_access_token = \"${INTERCOM_ACCESS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('intercom-access-token', "Intercom access token"),
});
