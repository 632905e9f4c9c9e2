import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-020',
    slug: 'cloudflare-api-token',
    title: "Exposed Cloudflare API token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Cloudflare API token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Cloudflare API token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["cloudflare_api_token = \"f0tIDV0Ljspou2gChHAGdNtAAEFjat0eqPEtK\"\n"],
      good: ["cloudflare_api_token = \"${CLOUDFLARE_API_TOKEN}\"\n"],
    },
  },
  check: reportDetector('cloudflare-api-token', "Cloudflare API token"),
});
