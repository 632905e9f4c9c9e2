import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-171',
    slug: 'pkcs8-private-key',
    title: "Exposed PKCS#8 private key",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A PKCS#8 private key in a file, an image layer or a commit lets anyone who reads it impersonate its owner or decrypt its traffic until the key is replaced.",
    remediation: "Revoke or rotate the PKCS#8 private key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['private-key'],
    practice: 'P8',
    references: ['https://www.rfc-editor.org/rfc/rfc7468', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgYYVYsGtZO6yC4pw8\nzXcpyJL6YXJKDyEc/z+pxE7PmTuhRANCAASZXR88JDpARTje2xyY3Jtdm1HEdDUR\nc+Nj/UGcGNEsmXc26m58A/tkYPxazp0hmwJw1fYZLb9PohfGwnFLIO7i\n-----END PRIVATE KEY-----\n"],
      good: ["-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ\n-----END CERTIFICATE-----\n"],
    },
  },
  check: reportDetector('pkcs8-private-key', "PKCS#8 private key"),
});
