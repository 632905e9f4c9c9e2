import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-036',
    slug: 'gitlab-oauth-app-secret',
    title: "Exposed GitLab OAuth application secret",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A GitLab OAuth application secret committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the GitLab OAuth application secret at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://docs.gitlab.com/ee/security/tokens/', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["gitlab_oauth_app_secret = \"gloas-VABLRRrUIuldPX4QmhUxX9AvVoEnYQNKvRi7V7VYpNyaGKIY1Mb2UGA5T82TxJta\"\n"],
      good: ["gitlab_oauth_app_secret = \"${GITLAB_OAUTH_APP_SECRET}\"\n"],
    },
  },
  check: reportDetector('gitlab-oauth-app-secret', "GitLab OAuth application secret"),
});
