import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-055',
    slug: 'openshift-user-token',
    title: "Exposed OpenShift user token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A OpenShift user token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the OpenShift user token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["openshift_user_token = \"sha256~3Qt74HmOiEHqqWQbfdpRR27pYYWnB74WocgZgO1MzCs\"\n"],
      good: ["openshift_user_token = \"${OPENSHIFT_USER_TOKEN}\"\n"],
    },
  },
  check: reportDetector('openshift-user-token', "OpenShift user token"),
});
