import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-103',
    slug: 'shopify-private-app-token',
    title: "Exposed Shopify private app password",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A Shopify private app password committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Shopify private app password at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['shopify-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["shopify_private_app_token = \"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\"\n"],
      good: ["shopify_private_app_token = \"${SHOPIFY_PRIVATE_APP_TOKEN}\"\n"],
    },
  },
  check: reportDetector('shopify-private-app-token', "Shopify private app password"),
});
