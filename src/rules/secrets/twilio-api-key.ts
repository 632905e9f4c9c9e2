import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-089',
    slug: 'twilio-api-key',
    title: "Exposed Twilio API key SID",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Twilio API key SID committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Twilio API key SID at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['twilio-api-key'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["twilio_api_key = \"SKfCF6449a5a1F3BCDedAeCD048fe0fccD\"\n"],
      good: ["twilio_api_key = \"${TWILIO_API_KEY}\"\n"],
    },
  },
  check: reportDetector('twilio-api-key', "Twilio API key SID"),
});
