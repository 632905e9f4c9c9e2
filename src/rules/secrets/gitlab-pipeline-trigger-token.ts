import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-031',
    slug: 'gitlab-pipeline-trigger-token',
    title: "Exposed GitLab pipeline trigger token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A GitLab pipeline trigger token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the GitLab pipeline trigger token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://docs.gitlab.com/ee/security/tokens/', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["gitlab_pipeline_trigger_token = \"glptt-1b5961a696164af22a7f51d13f26eb0d119b663f\"\n"],
      good: ["gitlab_pipeline_trigger_token = \"${GITLAB_PIPELINE_TRIGGER_TOKEN}\"\n"],
    },
  },
  check: reportDetector('gitlab-pipeline-trigger-token', "GitLab pipeline trigger token"),
});
