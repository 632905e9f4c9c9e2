import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-114',
    slug: 'grafana-service-account-token',
    title: "Exposed Grafana service account token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Grafana service account token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Grafana service account token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["grafana_service_account_token = \"glsa_IH5K5lCkO6cvOYqjoTEd316nVwpzfZVy_9125f9fd\"\n"],
      good: ["grafana_service_account_token = \"${GRAFANA_SERVICE_ACCOUNT_TOKEN}\"\n"],
    },
  },
  check: reportDetector('grafana-service-account-token', "Grafana service account token"),
});
