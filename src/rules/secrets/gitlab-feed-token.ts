import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-035',
    slug: 'gitlab-feed-token',
    title: "Exposed GitLab feed token",
    severity: 'medium',
    appliesTo: ['secrets'],
    description: "A GitLab feed token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the GitLab feed token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://docs.gitlab.com/ee/security/tokens/', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["gitlab_feed_token = \"glft-49yrshZibmQipjZR1X3x\"\n"],
      good: ["gitlab_feed_token = \"${GITLAB_FEED_TOKEN}\"\n"],
    },
  },
  check: reportDetector('gitlab-feed-token', "GitLab feed token"),
});
