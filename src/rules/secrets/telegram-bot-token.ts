import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-097',
    slug: 'telegram-bot-token',
    title: "Exposed Telegram bot token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Telegram bot token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Telegram bot token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["telegram_bot_token = \"60777228:AABrBRb194bgL5ocxY5T2aDURT4bCoTsOEB\"\n"],
      good: ["telegram_bot_token = \"${TELEGRAM_BOT_TOKEN}\"\n"],
    },
  },
  check: reportDetector('telegram-bot-token', "Telegram bot token"),
});
