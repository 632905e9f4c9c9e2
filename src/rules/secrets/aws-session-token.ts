import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-003',
    slug: 'aws-session-token',
    title: "Exposed AWS session token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A AWS session token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the AWS session token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["aws_session_token = \"RRZNxdh0mrBibfpSe7Mg4lAnoYxqRx9eLjp1jqF5FPcxT1OxZaATrzx9k1TAPgoqpeo4qIjNpbTqWXPUHh8rgzxTddI3VAlYGIHH\"\n"],
      good: ["aws_session_token = \"${AWS_SESSION_TOKEN}\"\n"],
    },
  },
  check: reportDetector('aws-session-token', "AWS session token"),
});
