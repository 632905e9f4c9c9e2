import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-030',
    slug: 'gitlab-personal-access-token',
    title: "Exposed GitLab personal access token",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A GitLab personal access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the GitLab personal access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['gitlab-pat'],
    practice: 'P8',
    references: ['https://docs.gitlab.com/ee/security/tokens/', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["gitlab_personal_access_token = \"glpat-8PzSwIBv5h3zaLJ50sF9\"\n"],
      good: ["gitlab_personal_access_token = \"${GITLAB_PERSONAL_ACCESS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('gitlab-personal-access-token', "GitLab personal access token"),
});
