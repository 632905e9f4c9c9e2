import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-161',
    slug: 'launchdarkly-access-token',
    title: "Exposed LaunchDarkly access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A LaunchDarkly access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the LaunchDarkly access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["launchdarkly_access_token = \"api-93b4a04a-2566-4836-b357-180c1708a02c\"\n"],
      good: ["launchdarkly_access_token = \"${LAUNCHDARKLY_ACCESS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('launchdarkly-access-token', "LaunchDarkly access token"),
});
