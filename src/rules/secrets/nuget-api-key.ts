import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-064',
    slug: 'nuget-api-key',
    title: "Exposed NuGet API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A NuGet API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the NuGet API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["nuget_api_key = \"oy24nrg9sys1dygxys1wmco2ucf54mf0sbhfyc9q7ngeyj\"\n"],
      good: ["nuget_api_key = \"${NUGET_API_KEY}\"\n"],
    },
  },
  check: reportDetector('nuget-api-key', "NuGet API key"),
});
