import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-101',
    slug: 'shopify-access-token',
    title: "Exposed Shopify Admin API access token",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A Shopify Admin API access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Shopify Admin API access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['shopify-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["shopify_access_token = \"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\"\n"],
      good: ["shopify_access_token = \"${SHOPIFY_ACCESS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('shopify-access-token', "Shopify Admin API access token"),
});
