import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-023',
    slug: 'tencent-cloud-secret-id',
    title: "Exposed Tencent Cloud SecretId",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Tencent Cloud SecretId committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Tencent Cloud SecretId at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["tencent_cloud_secret_id = \"AKIDOA5UB0nz4bHh4krZL1cnpPGFOzX1C5bY\"\n"],
      good: ["tencent_cloud_secret_id = \"${TENCENT_CLOUD_SECRET_ID}\"\n"],
    },
  },
  check: reportDetector('tencent-cloud-secret-id', "Tencent Cloud SecretId"),
});
