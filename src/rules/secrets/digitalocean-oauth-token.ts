import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-014',
    slug: 'digitalocean-oauth-token',
    title: "Exposed DigitalOcean OAuth access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A DigitalOcean OAuth access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the DigitalOcean OAuth access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["digitalocean_oauth_token = \"doo_v1_53a9ca00bf1362a7a3affbcf93808b611e68f3c412aff7dc36747c6b46c3083d\"\n"],
      good: ["digitalocean_oauth_token = \"${DIGITALOCEAN_OAUTH_TOKEN}\"\n"],
    },
  },
  check: reportDetector('digitalocean-oauth-token', "DigitalOcean OAuth access token"),
});
