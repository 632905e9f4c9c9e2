import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-049',
    slug: 'sonarqube-token',
    title: "Exposed SonarQube token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A SonarQube token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the SonarQube token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["sonarqube_token = \"sqp_be46a3c917b994410cfb9bb35866b0f854395f95\"\n"],
      good: ["sonarqube_token = \"${SONARQUBE_TOKEN}\"\n"],
    },
  },
  check: reportDetector('sonarqube-token', "SonarQube token"),
});
