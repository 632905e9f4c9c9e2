import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-156',
    slug: 'twitter-api-secret',
    title: "Exposed X (Twitter) API secret",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A X (Twitter) API secret committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the X (Twitter) API secret at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['twitter-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["twitter_api_secret = \"4g5D20lYSM0y8X9wYCTMiYDq4qxsd15M3Ui\"\n"],
      good: ["twitter_api_secret = \"${TWITTER_API_SECRET}\"\n"],
    },
  },
  check: reportDetector('twitter-api-secret', "X (Twitter) API secret"),
});
