import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-082',
    slug: 'square-oauth-secret',
    title: "Exposed Square OAuth secret",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A Square OAuth secret committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Square OAuth secret at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["square_oauth_secret = \"sq0csp-EIg2PVRqwv24rCXulOAZAyvIggEY37ALNqMKFMcveOj\"\n"],
      good: ["square_oauth_secret = \"${SQUARE_OAUTH_SECRET}\"\n"],
    },
  },
  check: reportDetector('square-oauth-secret', "Square OAuth secret"),
});
