import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-040',
    slug: 'bitbucket-app-password',
    title: "Exposed Bitbucket app password / API token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Bitbucket app password / API token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Bitbucket app password / API token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["bitbucket_app_password = \"ATBBDuMOJwyHoC1Wb7xIscdzLGQ7UAIltVGA\"\n"],
      good: ["bitbucket_app_password = \"${BITBUCKET_APP_PASSWORD}\"\n"],
    },
  },
  check: reportDetector('bitbucket-app-password', "Bitbucket app password / API token"),
});
