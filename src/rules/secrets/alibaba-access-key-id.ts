import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-016',
    slug: 'alibaba-access-key-id',
    title: "Exposed Alibaba Cloud AccessKey ID",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Alibaba Cloud AccessKey ID committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Alibaba Cloud AccessKey ID at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['alibaba-access-key-id'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["alibaba_access_key_id = \"LTAI33tgK8nceIp4\"\n"],
      good: ["alibaba_access_key_id = \"${ALIBABA_ACCESS_KEY_ID}\"\n"],
    },
  },
  check: reportDetector('alibaba-access-key-id', "Alibaba Cloud AccessKey ID"),
});
