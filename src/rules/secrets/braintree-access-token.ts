import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-083',
    slug: 'braintree-access-token',
    title: "Exposed PayPal Braintree access token",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A PayPal Braintree access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the PayPal Braintree access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["braintree_token = \"access_token$production$ua4m0yd2m5iaw5bc$a0db9a2bac991c8186ccb683636053d0\"\n"],
      good: ["braintree_token = \"${BRAINTREE_TOKEN}\"\n"],
    },
  },
  check: reportDetector('braintree-access-token', "PayPal Braintree access token"),
});
