import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-102',
    slug: 'shopify-custom-app-token',
    title: "Exposed Shopify custom app access token",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A Shopify custom app access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Shopify custom app access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['shopify-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["shopify_custom_app_token = \"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\"\n"],
      good: ["shopify_custom_app_token = \"${SHOPIFY_CUSTOM_APP_TOKEN}\"\n"],
    },
  },
  check: reportDetector('shopify-custom-app-token', "Shopify custom app access token"),
});
