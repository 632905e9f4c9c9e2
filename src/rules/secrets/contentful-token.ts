import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-140',
    slug: 'contentful-token',
    title: "Exposed Contentful personal access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Contentful personal access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Contentful personal access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["contentful_token = \"CFPAT-ZK0nyoDeY0CW2n6upikKRMBN4htxVJgAOa4XCI2N3XO\"\n"],
      good: ["contentful_token = \"${CONTENTFUL_TOKEN}\"\n"],
    },
  },
  check: reportDetector('contentful-token', "Contentful personal access token"),
});
