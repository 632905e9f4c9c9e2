import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-166',
    slug: 'firebase-cloud-messaging-key',
    title: "Exposed Firebase Cloud Messaging server key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Firebase Cloud Messaging server key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Firebase Cloud Messaging server key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["firebase_cloud_messaging_key = \"AAAAIsSb8Qi:APA91bXVdFp8oLjzOrkgnO3gnWxvIvvyLFccXXDZ9hqvL408ZHEZNb9hDLn2qrVmpIYqvJCI2vBbOwBvnYuhkO6BBr06GC22VX0yfHi0EzQ9ycXXJq7s88ksOJddb59qXlBIWrMt9D89\"\n"],
      good: ["firebase_cloud_messaging_key = \"${FIREBASE_CLOUD_MESSAGING_KEY}\"\n"],
    },
  },
  check: reportDetector('firebase-cloud-messaging-key', "Firebase Cloud Messaging server key"),
});
