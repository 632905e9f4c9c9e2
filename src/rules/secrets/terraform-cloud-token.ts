import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-050',
    slug: 'terraform-cloud-token',
    title: "Exposed Terraform Cloud / Enterprise API token",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A Terraform Cloud / Enterprise API token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Terraform Cloud / Enterprise API token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['hashicorp-tf-api-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["terraform_cloud_token = \"ePVlC5kigExaxQ.atlasv1.G7kWw8ASO1C7IH3FI79At0UQxO7rUIGa26ftK18gxiEFiePzvrxuVh4NrX7M\"\n"],
      good: ["terraform_cloud_token = \"${TERRAFORM_CLOUD_TOKEN}\"\n"],
    },
  },
  check: reportDetector('terraform-cloud-token', "Terraform Cloud / Enterprise API token"),
});
