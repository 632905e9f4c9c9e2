import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-099',
    slug: 'discord-bot-token',
    title: "Exposed Discord bot token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Discord bot token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Discord bot token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["discord_bot_token = \"M1lwFtLWYbh2nSubyn6Ohpf8.jDXW3T.jvzau7s2UBEInAcgao5gQPwa0lq\"\n"],
      good: ["discord_bot_token = \"${DISCORD_BOT_TOKEN}\"\n"],
    },
  },
  check: reportDetector('discord-bot-token', "Discord bot token"),
});
