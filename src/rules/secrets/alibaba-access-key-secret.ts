import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-017',
    slug: 'alibaba-access-key-secret',
    title: "Exposed Alibaba Cloud AccessKey secret",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A Alibaba Cloud AccessKey secret committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Alibaba Cloud AccessKey secret at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['alibaba-secret-key'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["alibaba_access_key_secret = \"uDQjlaFgbWNg5Dq0Gn6vwTVYWa0H5O\"\n"],
      good: ["alibaba_access_key_secret = \"${ALIBABA_ACCESS_KEY_SECRET}\"\n"],
    },
  },
  check: reportDetector('alibaba-access-key-secret', "Alibaba Cloud AccessKey secret"),
});
