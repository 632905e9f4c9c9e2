import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-032',
    slug: 'gitlab-runner-registration-token',
    title: "Exposed GitLab runner registration token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A GitLab runner registration token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the GitLab runner registration token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://docs.gitlab.com/ee/security/tokens/', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["gitlab_runner_registration_token = \"GR1348941q1WeAtOwCrp0Ydkz2suX\"\n"],
      good: ["gitlab_runner_registration_token = \"${GITLAB_RUNNER_REGISTRATION_TOKEN}\"\n"],
    },
  },
  check: reportDetector('gitlab-runner-registration-token', "GitLab runner registration token"),
});
