import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-084',
    slug: 'flutterwave-secret-key',
    title: "Exposed Flutterwave secret key",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A Flutterwave secret key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Flutterwave secret key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["flutterwave_secret_key = \"FLWSECK-044d5dd9c6gecdchbha50h8bgd210b1b-X\"\n"],
      good: ["flutterwave_secret_key = \"${FLUTTERWAVE_SECRET_KEY}\"\n"],
    },
  },
  check: reportDetector('flutterwave-secret-key', "Flutterwave secret key"),
});
