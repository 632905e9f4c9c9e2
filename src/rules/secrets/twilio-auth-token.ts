import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-090',
    slug: 'twilio-auth-token',
    title: "Exposed Twilio auth token",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A Twilio auth token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Twilio auth token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["twilio_auth_token = \"b76d8ac937d106aeed9217fdada8e0c8\"\n"],
      good: ["twilio_auth_token = \"${TWILIO_AUTH_TOKEN}\"\n"],
    },
  },
  check: reportDetector('twilio-auth-token', "Twilio auth token"),
});
