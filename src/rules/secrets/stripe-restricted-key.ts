import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-078',
    slug: 'stripe-restricted-key',
    title: "Exposed Stripe live restricted key",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A Stripe live restricted key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Stripe live restricted key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://docs.stripe.com/keys', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["stripe_restricted_key = \"rk_live_Q8RqXj1pRWu2ketrhtl3odsK\"\n"],
      good: ["stripe_restricted_key = \"${STRIPE_RESTRICTED_KEY}\"\n"],
    },
  },
  check: reportDetector('stripe-restricted-key', "Stripe live restricted key"),
});
