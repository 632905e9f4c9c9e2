import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-068',
    slug: 'artifactory-reference-token',
    title: "Exposed JFrog Artifactory reference token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A JFrog Artifactory reference token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the JFrog Artifactory reference token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["artifactory_reference_token = \"cmVmdGtuo4tPsrN13R6hCKhk18UH2Lf3gLzJ7X3TIsVDlkxJPQl0UOwIkH6dWiKd\"\n"],
      good: ["artifactory_reference_token = \"${ARTIFACTORY_REFERENCE_TOKEN}\"\n"],
    },
  },
  check: reportDetector('artifactory-reference-token', "JFrog Artifactory reference token"),
});
