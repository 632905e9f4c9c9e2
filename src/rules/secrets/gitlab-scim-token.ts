import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-038',
    slug: 'gitlab-scim-token',
    title: "Exposed GitLab SCIM token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A GitLab SCIM token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the GitLab SCIM token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://docs.gitlab.com/ee/security/tokens/', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["gitlab_scim_token = \"glsoat-3CkQiY3ckAc16EKIIIR7\"\n"],
      good: ["gitlab_scim_token = \"${GITLAB_SCIM_TOKEN}\"\n"],
    },
  },
  check: reportDetector('gitlab-scim-token', "GitLab SCIM token"),
});
