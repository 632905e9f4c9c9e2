import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-048',
    slug: 'jenkins-api-token',
    title: "Exposed Jenkins API token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Jenkins API token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Jenkins API token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["jenkins_api_token = \"116e538485060e17d17a6ccccc0f12c10b\"\n"],
      good: ["jenkins_api_token = \"${JENKINS_API_TOKEN}\"\n"],
    },
  },
  check: reportDetector('jenkins-api-token', "Jenkins API token"),
});
