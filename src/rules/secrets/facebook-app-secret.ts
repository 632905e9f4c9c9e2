import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-155',
    slug: 'facebook-app-secret',
    title: "Exposed Facebook app secret",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Facebook app secret committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Facebook app secret at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['facebook-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["facebook_app_secret = \"bffdfe6259e633b3e1e5c6479ea79361\"\n"],
      good: ["facebook_app_secret = \"${FACEBOOK_APP_SECRET}\"\n"],
    },
  },
  check: reportDetector('facebook-app-secret', "Facebook app secret"),
});
