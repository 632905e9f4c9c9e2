import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-170',
    slug: 'pem-private-key',
    title: "Exposed PEM private key (RSA, EC or DSA)",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A PEM private key (RSA, EC or DSA) in a file, an image layer or a commit lets anyone who reads it impersonate its owner or decrypt its traffic until the key is replaced.",
    remediation: "Revoke or rotate the PEM private key (RSA, EC or DSA) at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['private-key'],
    practice: 'P8',
    references: ['https://www.rfc-editor.org/rfc/rfc7468', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["-----BEGIN RSA PRIVATE KEY-----\nMIICXAIBAAKBgQDMP8l3hdLHXnyM6UAfSMJnbez+Kv9GNhwWM/aVIDKBuNpXO+iX\n1jY9FY51YW5dvqgDIMZyod/YSAAXlnMtXC1qRxfJOPdSyud2W/9+yLUDQxvOr0Vi\nv4sluRH57GzxMNNVrZ18aCO/INGfRHtySua53w0T7LOD05W+xv/fZkhjWQIDAQAB\nAoGBAIgwpDKZPfGIND51LTdu+Ymjx5m2q95yKAo5/dpzzJmo25W9MZtEz4etfv8P\nx1qkzTzAtvIqs6pwX/dab1Q4mWKKMF4qnxYoHq11nmUpKyD21SuEp39mzRv/BUmQ\nWKSdh+6toWUIQc0/vheXZQXsERiwBhbZEnD751y8hoaJFcIxAkEA5ZjPGBZB5zs+\nsY2XTLeLhoPBAt0ykpuMwYV8sP6jhfRXLBJfZ74YI77zZttAZO5a0s76Vl09UnhQ\nNhchmZFu5QJBAOO8wZQoDsF3ot1EJAyv99JlyZn+kD/L6QNx+6ZOxkO4tY/Cz0m2\n0kQksHwriB6gE7o9cE/cSGCBgTgqrn0L52UCQA1St7nDGOHtKy8sczotcHhGzv12\njoe5ZQqZz2mJ7T1Jt4FEM6sWedohK4itcmgo+LZA8n/uey988dKhtv5tVQ0CQBe7\n3jjAi/khrLl+lns0A5HLxdzkqMfdSmVvhZhpcUQxhcp7tPqrsPIlGLd4GfGHIUcx\ni/jmrixQktT1rcWebfkCQCJMRG3qjx1PguXrb1InHnKXGwk5vE8vwXFM2fTlzhE1\nw9zddo0nNfXxmxbQI08/bQtJcEaS5J1ZdflYCMbTrFE=\n-----END RSA PRIVATE KEY-----\n"],
      good: ["-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n"],
    },
  },
  check: reportDetector('pem-private-key', "PEM private key (RSA, EC or DSA)"),
});
