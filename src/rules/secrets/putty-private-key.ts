import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-175',
    slug: 'putty-private-key',
    title: "Exposed PuTTY private key",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A PuTTY private key in a file, an image layer or a commit lets anyone who reads it impersonate its owner or decrypt its traffic until the key is replaced.",
    remediation: "Revoke or rotate the PuTTY private key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://www.rfc-editor.org/rfc/rfc7468', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: deploy\nPublic-Lines: 4\nsT7a1I4EJrCpBRZxdgwH4LEtOdwgvjmM3ipTIStukjGpcbkpVP1IfdlPlU9Z5PNl\nMgLv6icI1Eb8jF1Y035FUjURVFXfKwpQY08v1T2ZOY6ROC2fB13FlA23VUIQYivk\n45USvcSXlNK9nLu6nr39oxMTNJ94+pQycetfiK6SxxRSluBSMcNoiFLVrR2Z80I0\n8rCV/WqG\nPrivate-Lines: 7\nYGHU7/Z320tNTFKGXTHeYUHbWbuhTt8E6FQ1qIVLCsL8eiKU0jhN2ZLDx8LzK4a9\n5xAiDVpdkRhHMdgDsQkZ5ofmBYLAhVjwqyzGhbVUD/wHFXJDqF5nZvJvvDDpvCEc\nH8lLx9oWSMPbkUjl3xzxuGTBHyCYGvk7shYLHPSWxcAzHT9fAZzSBGvRM4fmSQvE\niOtRUznduR1eEaqhRT9J1I/O47a6t+n04+b51bC/YZiL+oWXOgG9AbBEqM+vz6rZ\n211qQfs9q3ji81gM0RMn+qN1m+TxYMn71+U231IAYsuxYKW5WF0rGCn4cM6Z8JYJ\n24nwgzwHOGs/CoqCzhdP2RWlvbrGxzNXWrmIaO/f0HCAYoB5c8TTiyjJUJ3yzIVW\nI5P4sRlqt3rHY4wW\nPrivate-MAC: 1db2ae70ba9d0d79e14d3a2af8629691bab5ffdbdc1e9108f9234ca0a3a90d54\n"],
      good: ["PuTTY-User-Key-File-3: ssh-rsa\nEncryption: aes256-cbc\nComment: see vault\n"],
    },
  },
  check: reportDetector('putty-private-key', "PuTTY private key"),
});
