import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-153',
    slug: 'twitter-bearer-token',
    title: "Exposed X (Twitter) bearer token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A X (Twitter) bearer token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the X (Twitter) bearer token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["twitter_bearer_token = \"AAAAAAAAAAAAAAAAAAAAAFqqOPQqBc6wNupURa0etnh9AztgBYD1wTFuYiwwo\"\n"],
      good: ["twitter_bearer_token = \"${TWITTER_BEARER_TOKEN}\"\n"],
    },
  },
  check: reportDetector('twitter-bearer-token', "X (Twitter) bearer token"),
});
