import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-065',
    slug: 'crates-io-token',
    title: "Exposed crates.io API token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A crates.io API token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the crates.io API token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["crates_io_token = \"cioGGslvVKaYfqXG4I6HbEzNwCTK8Uy8vYG\"\n"],
      good: ["crates_io_token = \"${CRATES_IO_TOKEN}\"\n"],
    },
  },
  check: reportDetector('crates-io-token', "crates.io API token"),
});
