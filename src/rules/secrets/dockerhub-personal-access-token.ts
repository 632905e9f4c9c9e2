import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-056',
    slug: 'dockerhub-personal-access-token',
    title: "Exposed Docker Hub personal access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Docker Hub personal access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Docker Hub personal access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["dockerhub_personal_access_token = \"dckr_pat_0jrbwrBe4FbdzSqvpV5Eww9DT7s\"\n"],
      good: ["dockerhub_personal_access_token = \"${DOCKERHUB_PERSONAL_ACCESS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('dockerhub-personal-access-token', "Docker Hub personal access token"),
});
