import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-093',
    slug: 'mailgun-signing-key',
    title: "Exposed Mailgun webhook signing key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Mailgun webhook signing key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Mailgun webhook signing key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['mailgun-signing-key'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["mailgun_signing_key = \"c82d19a7b85a5f1a15e737b0a9c441bd-0450952c-bf2a899f\"\n"],
      good: ["mailgun_signing_key = \"${MAILGUN_SIGNING_KEY}\"\n"],
    },
  },
  check: reportDetector('mailgun-signing-key', "Mailgun webhook signing key"),
});
