import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-135',
    slug: 'airtable-personal-access-token',
    title: "Exposed Airtable personal access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Airtable personal access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Airtable personal access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["airtable_personal_access_token = \"patU6P5RZcu8Y2C5M.a82e6a8a5b56e5474fe97edc17dab6b749548925340f2510d2f127e48780c1cd\"\n"],
      good: ["airtable_personal_access_token = \"${AIRTABLE_PERSONAL_ACCESS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('airtable-personal-access-token', "Airtable personal access token"),
});
