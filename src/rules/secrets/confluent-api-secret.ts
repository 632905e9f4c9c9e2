import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-165',
    slug: 'confluent-api-secret',
    title: "Exposed Confluent Cloud API secret",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Confluent Cloud API secret committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Confluent Cloud API secret at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["confluent_api_secret = \"ORR8B8QudaeYh5qLX520QtAtdBSwgUje4O4duNiPsDHjIoKA31k9Um2sUfxUWK8G\"\n"],
      good: ["confluent_api_secret = \"${CONFLUENT_API_SECRET}\"\n"],
    },
  },
  check: reportDetector('confluent-api-secret', "Confluent Cloud API secret"),
});
