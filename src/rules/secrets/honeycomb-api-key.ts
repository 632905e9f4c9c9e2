import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-117',
    slug: 'honeycomb-api-key',
    title: "Exposed Honeycomb API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Honeycomb API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Honeycomb API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["honeycomb_api_key = \"c5URrXedfTV8c8EqJ5yAOl\"\n"],
      good: ["honeycomb_api_key = \"${HONEYCOMB_API_KEY}\"\n"],
    },
  },
  check: reportDetector('honeycomb-api-key', "Honeycomb API key"),
});
