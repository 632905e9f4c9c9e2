import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-110',
    slug: 'new-relic-license-key',
    title: "Exposed New Relic ingest license key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A New Relic ingest license key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the New Relic ingest license key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["new_relic_license_key = \"7a29d9b25f24e257163cf46da10fa2982ccaNRAL\"\n"],
      good: ["new_relic_license_key = \"${NEW_RELIC_LICENSE_KEY}\"\n"],
    },
  },
  check: reportDetector('new-relic-license-key', "New Relic ingest license key"),
});
