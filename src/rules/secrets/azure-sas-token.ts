import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-011',
    slug: 'azure-sas-token',
    title: "Exposed Azure shared access signature",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Azure shared access signature committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Azure shared access signature at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["BLOB_URL=https://acme.blob.core.windows.net/c/f.txt?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-12-01T00:00:00Z&sig=HJ9ZbD5bn8wwXNsDB0Z1oQJFkjoERQFLGR0Ge4DrqZA%3D\n"],
      good: ["BLOB_URL=https://acme.blob.core.windows.net/c/f.txt\n"],
    },
  },
  check: reportDetector('azure-sas-token', "Azure shared access signature"),
});
