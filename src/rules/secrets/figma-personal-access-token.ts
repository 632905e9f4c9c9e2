import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-137',
    slug: 'figma-personal-access-token',
    title: "Exposed Figma personal access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Figma personal access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Figma personal access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["figma_personal_access_token = \"figd_aisWc4RtIz0qievkLeYU98nChCHuFvTTJ0tE8hTu\"\n"],
      good: ["figma_personal_access_token = \"${FIGMA_PERSONAL_ACCESS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('figma-personal-access-token', "Figma personal access token"),
});
