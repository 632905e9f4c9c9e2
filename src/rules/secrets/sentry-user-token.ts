import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-112',
    slug: 'sentry-user-token',
    title: "Exposed Sentry user auth token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Sentry user auth token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Sentry user auth token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["sentry_user_token = \"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\"\n"],
      good: ["sentry_user_token = \"${SENTRY_USER_TOKEN}\"\n"],
    },
  },
  check: reportDetector('sentry-user-token', "Sentry user auth token"),
});
