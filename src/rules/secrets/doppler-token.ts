import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-053',
    slug: 'doppler-token',
    title: "Exposed Doppler token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Doppler token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Doppler token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['doppler-api-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["doppler_token = \"dp.pt.ibK5nByeWfWzbpFx1omfQ33DXVWGmXGyoc82RWb7\"\n"],
      good: ["doppler_token = \"${DOPPLER_TOKEN}\"\n"],
    },
  },
  check: reportDetector('doppler-token', "Doppler token"),
});
