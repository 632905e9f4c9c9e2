import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-142',
    slug: 'planetscale-token',
    title: "Exposed PlanetScale token or password",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A PlanetScale token or password committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the PlanetScale token or password at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['planetscale-api-token', 'planetscale-password'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["planetscale_token = \"pscale_tkn_o0x4K60nrLCrEqpBeuU53FlfAyWNfwq9\"\n"],
      good: ["planetscale_token = \"${PLANETSCALE_TOKEN}\"\n"],
    },
  },
  check: reportDetector('planetscale-token', "PlanetScale token or password"),
});
