import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-039',
    slug: 'gitlab-agent-token',
    title: "Exposed GitLab agent for Kubernetes token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A GitLab agent for Kubernetes token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the GitLab agent for Kubernetes token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://docs.gitlab.com/ee/security/tokens/', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["gitlab_agent_token = \"glagent-Kqn3vAy9avs6oHSR2bK9ncTcyooppGQHz7u7VbUB6wErKl75eI\"\n"],
      good: ["gitlab_agent_token = \"${GITLAB_AGENT_TOKEN}\"\n"],
    },
  },
  check: reportDetector('gitlab-agent-token', "GitLab agent for Kubernetes token"),
});
