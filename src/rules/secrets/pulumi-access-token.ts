import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-052',
    slug: 'pulumi-access-token',
    title: "Exposed Pulumi access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Pulumi access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Pulumi access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['pulumi-api-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["pulumi_access_token = \"pul-c8c8c2e9206637afecb4efdfeb49d4b5478b7784\"\n"],
      good: ["pulumi_access_token = \"${PULUMI_ACCESS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('pulumi-access-token', "Pulumi access token"),
});
