import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-080',
    slug: 'stripe-webhook-secret',
    title: "Exposed Stripe webhook signing secret",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Stripe webhook signing secret committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Stripe webhook signing secret at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://docs.stripe.com/keys', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["stripe_webhook_secret = \"whsec_I31KkNpueyXiTt6DiQlacGzvL7aJ4CFU\"\n"],
      good: ["stripe_webhook_secret = \"${STRIPE_WEBHOOK_SECRET}\"\n"],
    },
  },
  check: reportDetector('stripe-webhook-secret', "Stripe webhook signing secret"),
});
