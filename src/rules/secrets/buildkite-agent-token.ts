import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-046',
    slug: 'buildkite-agent-token',
    title: "Exposed Buildkite token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Buildkite token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Buildkite token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["buildkite_agent_token = \"bkua_7c557294513eeb406cb06a2e0292aaf3ce804a10\"\n"],
      good: ["buildkite_agent_token = \"${BUILDKITE_AGENT_TOKEN}\"\n"],
    },
  },
  check: reportDetector('buildkite-agent-token', "Buildkite token"),
});
