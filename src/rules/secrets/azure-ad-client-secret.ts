import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-012',
    slug: 'azure-ad-client-secret',
    title: "Exposed Microsoft Entra ID (Azure AD) client secret",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A Microsoft Entra ID (Azure AD) client secret committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Microsoft Entra ID (Azure AD) client secret at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["azure_ad_client_secret = \"mRY6Q~nDoVbqtxAAec3fG6Xldo5Wv7sfwOEBD\"\n"],
      good: ["azure_ad_client_secret = \"${AZURE_AD_CLIENT_SECRET}\"\n"],
    },
  },
  check: reportDetector('azure-ad-client-secret', "Microsoft Entra ID (Azure AD) client secret"),
});
