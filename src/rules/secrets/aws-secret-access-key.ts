import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-002',
    slug: 'aws-secret-access-key',
    title: "Exposed AWS secret access key",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A AWS secret access key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the AWS secret access key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['aws-secret-access-key'],
    practice: 'P8',
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["aws_secret_access_key = \"dtWRW41ZayKJTXf8cuNb2yTh0rGkFqYrPXYZ6aBP\"\n"],
      good: ["aws_secret_access_key = \"${AWS_SECRET_ACCESS_KEY}\"\n"],
    },
  },
  check: reportDetector('aws-secret-access-key', "AWS secret access key"),
});
