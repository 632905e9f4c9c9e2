import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-004',
    slug: 'amazon-mws-auth-token',
    title: "Exposed Amazon MWS auth token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Amazon MWS auth token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Amazon MWS auth token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["amazon_mws_auth_token = \"amzn.mws.bb537e51-e5f3-39f4-b4d4-8b8ba42c0277\"\n"],
      good: ["amazon_mws_auth_token = \"${AMAZON_MWS_AUTH_TOKEN}\"\n"],
    },
  },
  check: reportDetector('amazon-mws-auth-token', "Amazon MWS auth token"),
});
