import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-172',
    slug: 'pkcs8-encrypted-private-key',
    title: "Exposed Encrypted PKCS#8 private key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Encrypted PKCS#8 private key in a file, an image layer or a commit lets anyone who reads it impersonate its owner or decrypt its traffic until the key is replaced.",
    remediation: "Revoke or rotate the Encrypted PKCS#8 private key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['private-key'],
    practice: 'P8',
    references: ['https://www.rfc-editor.org/rfc/rfc7468', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAhi+kR89AldSgICCAAw\nDAYIKoZIhvcNAgkFADAdBglghkgBZQMEASoEECBGEk8P8zMsDQys6H4PqQ8EgZA8\nJ9WC66jDfAeza1qB3qlmMlTQmdpkpR9Dl+Ob8gY6Y7u/ameTqazPFOsM/FVHJ9Dc\nEYPbxCJOZNNPFy8lh7/Lhmo/Jm3CoHtxnS+B6IVlvz/vtWAjkrmti82JwLpYYpqp\n792jFhm2KtP5s/ceJl4vKRRi9cq/EAdqA+jhYArTZPYG91Tnhm0cHRo8nH3lVNc=\n-----END ENCRYPTED PRIVATE KEY-----\n"],
      good: ["-----BEGIN ENCRYPTED PRIVATE KEY-----\n<redacted>\n-----END ENCRYPTED PRIVATE KEY-----\n"],
    },
  },
  check: reportDetector('pkcs8-encrypted-private-key', "Encrypted PKCS#8 private key"),
});
