import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-116',
    slug: 'dynatrace-api-token',
    title: "Exposed Dynatrace API token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Dynatrace API token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Dynatrace API token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['dynatrace-api-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["dynatrace_api_token = \"dt0c01.BAWHOFBIZE4KY9M915PKO8SE.4FFZ0UMP7O2E7I4X9BYXJKTP7BQJT9VKJ492DLCA7X4JXDM08K11MOEWJMGMY63H\"\n"],
      good: ["dynatrace_api_token = \"${DYNATRACE_API_TOKEN}\"\n"],
    },
  },
  check: reportDetector('dynatrace-api-token', "Dynatrace API token"),
});
