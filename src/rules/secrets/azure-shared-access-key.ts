import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-010',
    slug: 'azure-shared-access-key',
    title: "Exposed Azure Service Bus / Event Hubs shared access key",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A Azure Service Bus / Event Hubs shared access key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Azure Service Bus / Event Hubs shared access key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["ServiceBus=\"Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=8I4XYFCxyhzVw5JjyuRjp5lFP5KT4ZoFnBHLVoiGBHc=\"\n"],
      good: ["ServiceBus=\"Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>\"\n"],
    },
  },
  check: reportDetector('azure-shared-access-key', "Azure Service Bus / Event Hubs shared access key"),
});
