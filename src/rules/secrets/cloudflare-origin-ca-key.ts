import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-021',
    slug: 'cloudflare-origin-ca-key',
    title: "Exposed Cloudflare Origin CA key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Cloudflare Origin CA key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Cloudflare Origin CA key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["cloudflare_origin_ca_key = \"v1.0-68ebae81d0470902ec01a48e-290e5d304d47dca1e868fdc6974d4154a36308eeca6b64830abccb20f6e43cbe2b8d7aa840e969938566a2e3b3e9c33598f1033960d04a6d994b69b243f12bad9d4243154a44108404\"\n"],
      good: ["cloudflare_origin_ca_key = \"${CLOUDFLARE_ORIGIN_CA_KEY}\"\n"],
    },
  },
  check: reportDetector('cloudflare-origin-ca-key', "Cloudflare Origin CA key"),
});
