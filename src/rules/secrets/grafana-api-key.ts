import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-115',
    slug: 'grafana-api-key',
    title: "Exposed Grafana API key (legacy)",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Grafana API key (legacy) committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Grafana API key (legacy) at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['grafana-api-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["grafana_api_key = \"eyJrIjoinOKm0wVsAm3z8yCPq46lNpL4CsAEFsxWPGgcJKLBYUTm4Rh9DQjRPJ9H6Yh0KqR0cTrZo2\"\n"],
      good: ["grafana_api_key = \"${GRAFANA_API_KEY}\"\n"],
    },
  },
  check: reportDetector('grafana-api-key', "Grafana API key (legacy)"),
});
