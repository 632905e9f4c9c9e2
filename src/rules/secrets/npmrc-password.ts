import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-061',
    slug: 'npmrc-password',
    title: "Exposed Registry password in .npmrc",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Registry password in .npmrc committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Registry password in .npmrc at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["//npm.acme.io/:_password=MG55Zm5Dd0lhSHA4aW4=\n"],
      good: ["//npm.acme.io/:_password=${NPM_PASSWORD}\n"],
    },
  },
  check: reportDetector('npmrc-password', "Registry password in .npmrc"),
});
