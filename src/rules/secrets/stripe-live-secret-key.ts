import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-077',
    slug: 'stripe-live-secret-key',
    title: "Exposed Stripe live secret key",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A Stripe live secret key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Stripe live secret key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['stripe-secret-token'],
    practice: 'P8',
    references: ['https://docs.stripe.com/keys', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["stripe_live_secret_key = \"sk_live_KFTnxET5y9MPhgDgd8gaM4wi\"\n"],
      good: ["stripe_live_secret_key = \"${STRIPE_LIVE_SECRET_KEY}\"\n"],
    },
  },
  check: reportDetector('stripe-live-secret-key', "Stripe live secret key"),
});
