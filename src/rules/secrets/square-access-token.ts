import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-081',
    slug: 'square-access-token',
    title: "Exposed Square access token",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A Square access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Square access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["square_access_token = \"sq0atp-ZB3PSv2XBLvMwCBDo5yKMY\"\n"],
      good: ["square_access_token = \"${SQUARE_ACCESS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('square-access-token', "Square access token"),
});
