import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-013',
    slug: 'digitalocean-personal-access-token',
    title: "Exposed DigitalOcean personal access token",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A DigitalOcean personal access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the DigitalOcean personal access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["digitalocean_personal_access_token = \"dop_v1_a3867f1c2f16107910072899b35e1c7ebc7ca6e8d90d0d05154586f5b3e1a926\"\n"],
      good: ["digitalocean_personal_access_token = \"${DIGITALOCEAN_PERSONAL_ACCESS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('digitalocean-personal-access-token', "DigitalOcean personal access token"),
});
