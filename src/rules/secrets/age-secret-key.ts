import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-152',
    slug: 'age-secret-key',
    title: "Exposed age secret key",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A age secret key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the age secret key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['age-secret-key'],
    practice: 'P8',
    references: ['https://age-encryption.org/v1', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["# created: 2026-11-29T10:00:00Z\n# public key: age1jfdc54pdjxa8gjyhxsaj\nAGE-SECRET-KEY-1FRZNYDTZCF0Y5S488YLQW06V3YEPPCNWC93MJYNH4J2U7K5D0NJQCM2ZQZ\n"],
      good: ["# public key only\nage1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq\n"],
    },
  },
  check: reportDetector('age-secret-key', "age secret key"),
});
