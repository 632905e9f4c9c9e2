import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-047',
    slug: 'azure-devops-pat',
    title: "Exposed Azure DevOps personal access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Azure DevOps personal access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Azure DevOps personal access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["azure_devops_pat = \"stcum3fry7xyxykwbr6gpvu6wy7zbahrq7tuehgjy5sacko6olc6\"\n"],
      good: ["azure_devops_pat = \"${AZURE_DEVOPS_PAT}\"\n"],
    },
  },
  check: reportDetector('azure-devops-pat', "Azure DevOps personal access token"),
});
