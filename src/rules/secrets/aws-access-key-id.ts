import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-001',
    slug: 'aws-access-key-id',
    title: "Exposed AWS access key ID",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A AWS access key ID committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the AWS access key ID at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['aws-access-key-id'],
    practice: 'P8',
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["aws_access_key_id = \"AKIAU7VVF4W2XKZGSHGZ\"\n"],
      good: ["aws_access_key_id = \"${AWS_ACCESS_KEY_ID}\"\n"],
    },
  },
  check: reportDetector('aws-access-key-id', "AWS access key ID"),
});
