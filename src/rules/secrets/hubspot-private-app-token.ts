import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-169',
    slug: 'hubspot-private-app-token',
    title: "Exposed HubSpot private app token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A HubSpot private app token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the HubSpot private app token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["hubspot_private_app_token = \"pat-na1-960dac88-3302-1ff4-0773-224879a0bde6\"\n"],
      good: ["hubspot_private_app_token = \"${HUBSPOT_PRIVATE_APP_TOKEN}\"\n"],
    },
  },
  check: reportDetector('hubspot-private-app-token', "HubSpot private app token"),
});
