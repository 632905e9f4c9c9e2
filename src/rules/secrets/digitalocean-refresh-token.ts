import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-015',
    slug: 'digitalocean-refresh-token',
    title: "Exposed DigitalOcean OAuth refresh token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A DigitalOcean OAuth refresh token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the DigitalOcean OAuth refresh token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["digitalocean_refresh_token = \"dor_v1_8475a896eccdf8f5de43010ee85fb4715ae1987c411998a9b4684fe9455df594\"\n"],
      good: ["digitalocean_refresh_token = \"${DIGITALOCEAN_REFRESH_TOKEN}\"\n"],
    },
  },
  check: reportDetector('digitalocean-refresh-token', "DigitalOcean OAuth refresh token"),
});
