import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-144',
    slug: 'flyio-access-token',
    title: "Exposed Fly.io access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Fly.io access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Fly.io access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["flyio_access_token = \"fo1_sXKVjdJJMUeoINseKJXOa8CqHTVRkESyk3tMQQfzWvU\"\n"],
      good: ["flyio_access_token = \"${FLYIO_ACCESS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('flyio-access-token', "Fly.io access token"),
});
