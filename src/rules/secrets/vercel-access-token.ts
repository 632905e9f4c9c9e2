import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-163',
    slug: 'vercel-access-token',
    title: "Exposed Vercel access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Vercel access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Vercel access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["vercel_access_token = \"vyN6t8MqgJ1rdkocSGziWm1Q\"\n"],
      good: ["vercel_access_token = \"${VERCEL_ACCESS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('vercel-access-token', "Vercel access token"),
});
