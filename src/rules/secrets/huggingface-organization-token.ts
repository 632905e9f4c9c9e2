import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-126',
    slug: 'huggingface-organization-token',
    title: "Exposed Hugging Face organization API token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Hugging Face organization API token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Hugging Face organization API token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["huggingface_organization_token = \"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\"\n"],
      good: ["huggingface_organization_token = \"${HUGGINGFACE_ORGANIZATION_TOKEN}\"\n"],
    },
  },
  check: reportDetector('huggingface-organization-token', "Hugging Face organization API token"),
});
