import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-173',
    slug: 'openssh-private-key',
    title: "Exposed OpenSSH private key",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A OpenSSH private key in a file, an image layer or a commit lets anyone who reads it impersonate its owner or decrypt its traffic until the key is replaced.",
    remediation: "Revoke or rotate the OpenSSH private key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['private-key'],
    practice: 'P8',
    references: ['https://www.rfc-editor.org/rfc/rfc7468', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["-----BEGIN OPENSSH PRIVATE KEY-----\nSYRTU7xCgvHfPeCAUvF//BO1fIx/c/UeHpnSQzeWq/J95NAyZsAn4CYOvpQWvti8\nrRYofKBMqZkAzgk5Gp8l+wTkNkqYlmxC03wLK0pwZPxnOqcPSB2PDX6enaB1eFQI\nyFM4MDYENal/JredFR6GpFjqjaHUjTfRBJN52XgKylpnRt91DSvEUakxr6SLHEcW\n6ckRE+5oR+rdtDqfRjH56X+I+F9yfqhyOZ+qyeZHNPjyE5XesWoIf4mS30R/gOwl\nVTxCUCnLp/+VMOxHzXQczfC0C/ebvjxF1x8/zM0MZdbE8wujvOGprvmePMO1cvkN\nPk0iNU1bZh1INJRTrwWBsII1oOX5JWHk7q2EBuRhJDUFe+6pNySnMJCLQwfJ5yGu\nCL7SqV3VjY8ER7x6r4WXaNbSNbwRPY5axQrX8K6Fz6t0vvV/7Sg7FY/CC9D1x7OO\nzyplEPH5zEIWimHGJPNSS5PbE52GXImcIujgBQiYzLI07S876jXEbJBS9FpxKnBt\nILB/IwFg9yHdRzzZfLRSGTMR9AFyfxfTY64MQ9kMCdIKp7jUd6BI/9PhWDEyTq/Q\nB/S/nAWlMJLg7WrKEf1i+EIM0o9nfm/ia8acXRlKNcQORta54rcUVvjauGNhllSd\n2mjPJC1woDrpUfg8PtTxUCiZyxPKE20Qy6Mu81UGcaXYyF0SHFLZ8NDjF5wqwiM/\nwIarQm35lCsyZzvnizCmFuFms2VdcsLxX/EGP858oMvqfAlS6ymEs3wEMlDlLtgn\nEcFk+7qoGG7q5+KqpXCdEhbpl0bM6k6E\n-----END OPENSSH PRIVATE KEY-----\n"],
      good: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx0b3Z1c2VyQGV4YW1wbGUuY29t user@host\n"],
    },
  },
  check: reportDetector('openssh-private-key', "OpenSSH private key"),
});
