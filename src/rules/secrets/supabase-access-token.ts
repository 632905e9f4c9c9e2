import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-143',
    slug: 'supabase-access-token',
    title: "Exposed Supabase access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Supabase access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Supabase access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["supabase_access_token = \"sbp_65df5ca17beea2d2eda045ce2ad2800268139a9b\"\n"],
      good: ["supabase_access_token = \"${SUPABASE_ACCESS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('supabase-access-token', "Supabase access token"),
});
