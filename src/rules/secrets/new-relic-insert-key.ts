import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-108',
    slug: 'new-relic-insert-key',
    title: "Exposed New Relic insights insert key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A New Relic insights insert key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the New Relic insights insert key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["new_relic_insert_key = \"NRII-0BXTaGuszopARYOCVpc6BOjjjjyQ8RHr\"\n"],
      good: ["new_relic_insert_key = \"${NEW_RELIC_INSERT_KEY}\"\n"],
    },
  },
  check: reportDetector('new-relic-insert-key', "New Relic insights insert key"),
});
