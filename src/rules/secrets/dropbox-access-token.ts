import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-150',
    slug: 'dropbox-access-token',
    title: "Exposed Dropbox short-lived access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Dropbox short-lived access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Dropbox short-lived access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['dropbox-short-lived-api-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["dropbox_access_token = \"sl.iZUevgKTNhN4THOBqBBFd9YiV3aWLwm8aRsgEsVM8KkQujEnIWdlKJzv6jKqKJcMa4LjjObWEIEDSr3yjlWq6r1oOAeA1f3gfMp5yTkMawSKZmZgDyDYQvDxxMurlS93kh\"\n"],
      good: ["dropbox_access_token = \"${DROPBOX_ACCESS_TOKEN}\"\n"],
    },
  },
  check: reportDetector('dropbox-access-token', "Dropbox short-lived access token"),
});
