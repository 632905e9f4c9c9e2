import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-146',
    slug: 'readme-api-key',
    title: "Exposed ReadMe API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A ReadMe API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the ReadMe API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["readme_api_key = \"rdme_mz5yfeyklzjk14fj0unhfn4ihvx22nbbwnkinjjzn6dlkoviroeql38px5vzl3u1w40tbt\"\n"],
      good: ["readme_api_key = \"${README_API_KEY}\"\n"],
    },
  },
  check: reportDetector('readme-api-key', "ReadMe API key"),
});
