import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-066',
    slug: 'clojars-token',
    title: "Exposed Clojars deploy token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Clojars deploy token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Clojars deploy token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['clojars-api-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["clojars_token = \"CLOJARS_l17r2l17saqlkhhgqjky76wuqddyu0oxyea642ie84xrj17hi1b4d7b1q7ax\"\n"],
      good: ["clojars_token = \"${CLOJARS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('clojars-token', "Clojars deploy token"),
});
