import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-104',
    slug: 'shopify-shared-secret',
    title: "Exposed Shopify shared secret",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Shopify shared secret committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Shopify shared secret at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['shopify-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["shopify_shared_secret = \"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\"\n"],
      good: ["shopify_shared_secret = \"${SHOPIFY_SHARED_SECRET}\"\n"],
    },
  },
  check: reportDetector('shopify-shared-secret', "Shopify shared secret"),
});
