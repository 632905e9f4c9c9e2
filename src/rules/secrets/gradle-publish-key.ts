import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-071',
    slug: 'gradle-publish-key',
    title: "Exposed Gradle Plugin Portal secret",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Gradle Plugin Portal secret committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Gradle Plugin Portal secret at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["gradle.publish.secret=VU0LaUCaZEk45g9qd7zeSApp1DUgpwdi\n"],
      good: ["gradle.publish.secret=${GRADLE_PUBLISH_SECRET}\n"],
    },
  },
  check: reportDetector('gradle-publish-key', "Gradle Plugin Portal secret"),
});
