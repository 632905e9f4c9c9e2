import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-009',
    slug: 'azure-storage-account-key',
    title: "Exposed Azure storage account key",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A Azure storage account key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Azure storage account key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["AZURE_STORAGE_CONNECTION_STRING=\"DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=aTMduA35M1WOzH3HRoPtRpBgsbtW4sHdXeig6INy44BpOSmbvAzwh4ZjCnoNf9lLWsCR3Qk9ouwsD4leutj2QQ==;EndpointSuffix=core.windows.net\"\n"],
      good: ["AZURE_STORAGE_CONNECTION_STRING=\"${AZURE_STORAGE_CONNECTION_STRING}\"\n"],
    },
  },
  check: reportDetector('azure-storage-account-key', "Azure storage account key"),
});
