import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-118',
    slug: 'splunk-hec-token',
    title: "Exposed Splunk HTTP Event Collector token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Splunk HTTP Event Collector token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Splunk HTTP Event Collector token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["splunk_hec_token = \"64831b04-cd11-b223-1856-bf9f335b0f83\"\n"],
      good: ["splunk_hec_token = \"${SPLUNK_HEC_TOKEN}\"\n"],
    },
  },
  check: reportDetector('splunk-hec-token', "Splunk HTTP Event Collector token"),
});
