import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-133',
    slug: 'linear-api-key',
    title: "Exposed Linear API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Linear API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Linear API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['linear-api-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["linear_api_key = \"lin_api_eBo69NhEJ5qTW8GILhwIfTgvT0zU7IMXPs2ESLJF\"\n"],
      good: ["linear_api_key = \"${LINEAR_API_KEY}\"\n"],
    },
  },
  check: reportDetector('linear-api-key', "Linear API key"),
});
