import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-151',
    slug: 'onepassword-service-account-token',
    title: "Exposed 1Password service account token",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A 1Password service account token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the 1Password service account token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["onepassword_service_account_token = \"ops_eyJajAWv6SQR1j208OSyovF3daUaIjMk4qNNOy7MyZzMaUK44L0HpnewqVZ6VWxZVBvrjoNbHmaxcJvDv1at5zDObVonsWW6NB7ofvYxXrXIlI2XGUfjo3scmc5agaAmZnbxiJKevMQtpeOybchSgYzpwCOwqnilO7jMA5sfbQoVWgcZfcu0995fY7noD7hEUkMtHymrT67pXajuylwi9iKTss9JlbNHsz8gB360sWCBD2Kjbu7OgT9bKJqz6\"\n"],
      good: ["onepassword_service_account_token = \"${ONEPASSWORD_SERVICE_ACCOUNT_TOKEN}\"\n"],
    },
  },
  check: reportDetector('onepassword-service-account-token', "1Password service account token"),
});
