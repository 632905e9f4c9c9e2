import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-113',
    slug: 'grafana-cloud-token',
    title: "Exposed Grafana Cloud access policy token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Grafana Cloud access policy token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Grafana Cloud access policy token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["grafana_cloud_token = \"glc_l3UPjrlEu0MJlN33kYnFjInNfMLto27l\"\n"],
      good: ["grafana_cloud_token = \"${GRAFANA_CLOUD_TOKEN}\"\n"],
    },
  },
  check: reportDetector('grafana-cloud-token', "Grafana Cloud access policy token"),
});
