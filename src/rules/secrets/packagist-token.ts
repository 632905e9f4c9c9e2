import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-069',
    slug: 'packagist-token',
    title: "Exposed Private Packagist token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Private Packagist token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Private Packagist token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['private-packagist-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["packagist_token = \"packagist_uut_c92bedfc0a83adce138f11af70a590ec025d944060758674e011ea3fe5790bcf3333\"\n"],
      good: ["packagist_token = \"${PACKAGIST_TOKEN}\"\n"],
    },
  },
  check: reportDetector('packagist-token', "Private Packagist token"),
});
