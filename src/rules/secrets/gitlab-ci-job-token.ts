import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-037',
    slug: 'gitlab-ci-job-token',
    title: "Exposed GitLab CI/CD job token",
    severity: 'medium',
    appliesTo: ['secrets'],
    description: "A GitLab CI/CD job token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the GitLab CI/CD job token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://docs.gitlab.com/ee/security/tokens/', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["gitlab_ci_job_token = \"glcbt-A_IGPDI0uaWH2XIpH2TPvW\"\n"],
      good: ["gitlab_ci_job_token = \"${GITLAB_CI_JOB_TOKEN}\"\n"],
    },
  },
  check: reportDetector('gitlab-ci-job-token', "GitLab CI/CD job token"),
});
