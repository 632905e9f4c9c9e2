import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-086',
    slug: 'easypost-api-key',
    title: "Exposed EasyPost API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A EasyPost API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the EasyPost API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['easypost-api-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["easypost_api_key = \"EZAKxbr4Sl95x9MqMITlV9htwTuBCaD5Q1Bn6zzAd5CBJ8TpxZMbf9r40r\"\n"],
      good: ["easypost_api_key = \"${EASYPOST_API_KEY}\"\n"],
    },
  },
  check: reportDetector('easypost-api-key', "EasyPost API key"),
});
