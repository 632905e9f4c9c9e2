import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-154',
    slug: 'facebook-access-token',
    title: "Exposed Facebook access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Facebook access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Facebook access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["facebook_access_token = \"EAAAtGLpdwjeK8z9U8dbKpuYy7P6sgsUbTN2gokKuGxwQcVuQzRy9SKK3yxPQEWdDEkc6wQ7ASp9e1EV20V727Vgp0eMNr15SZnBpTmy\"\n"],
      good: ["facebook_access_token = \"${FACEBOOK_ACCESS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('facebook-access-token', "Facebook access token"),
});
