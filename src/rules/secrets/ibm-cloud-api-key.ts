import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-022',
    slug: 'ibm-cloud-api-key',
    title: "Exposed IBM Cloud API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A IBM Cloud API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the IBM Cloud API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["ibm_cloud_api_key = \"zdBlAi40eOT0phgZoukicE5VM6jMXwijUgzmwbkwQRGW\"\n"],
      good: ["ibm_cloud_api_key = \"${IBM_CLOUD_API_KEY}\"\n"],
    },
  },
  check: reportDetector('ibm-cloud-api-key', "IBM Cloud API key"),
});
