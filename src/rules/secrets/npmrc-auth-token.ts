import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-060',
    slug: 'npmrc-auth-token',
    title: "Exposed Registry auth token in .npmrc / .yarnrc",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Registry auth token in .npmrc / .yarnrc committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Registry auth token in .npmrc / .yarnrc at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["//npm.acme.io/:_authToken=28ed2cd97646e923e939d642b124e89c77f0\n"],
      good: ["//npm.acme.io/:_authToken=${NPM_TOKEN}\n"],
    },
  },
  check: reportDetector('npmrc-auth-token', "Registry auth token in .npmrc / .yarnrc"),
});
