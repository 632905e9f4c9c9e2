import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-098',
    slug: 'discord-webhook-url',
    title: "Exposed Discord webhook URL",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Discord webhook URL committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Discord webhook URL at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["WEBHOOK_URL=https://discord.com/api/webhooks/64046358525922348/nB4uqGvCOeiP92FUHut36SgTGiCV3R8bmLQYIoL6rU1yiEFgmGXvbaROzFU7\n"],
      good: ["WEBHOOK_URL=${WEBHOOK_URL}\n"],
    },
  },
  check: reportDetector('discord-webhook-url', "Discord webhook URL"),
});
