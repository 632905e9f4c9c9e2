import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-079',
    slug: 'stripe-test-secret-key',
    title: "Exposed Stripe test-mode secret key",
    severity: 'low',
    appliesTo: ['secrets'],
    description: "A Stripe test-mode secret key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Stripe test-mode secret key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['stripe-secret-token'],
    practice: 'P8',
    references: ['https://docs.stripe.com/keys', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["stripe_test_secret_key = \"sk_test_oBTlahbN1I1Yna8Co5lePg8z\"\n"],
      good: ["stripe_test_secret_key = \"${STRIPE_TEST_SECRET_KEY}\"\n"],
    },
  },
  check: reportDetector('stripe-test-secret-key', "Stripe test-mode secret key"),
});
