import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-136',
    slug: 'asana-personal-access-token',
    title: "Exposed Asana personal access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Asana personal access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Asana personal access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["asana_personal_access_token = \"7/0681232857808665:UtdPz9tWuKtHrloDj1K9s8X2tIpBGPQJ\"\n"],
      good: ["asana_personal_access_token = \"${ASANA_PERSONAL_ACCESS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('asana-personal-access-token', "Asana personal access token"),
});
