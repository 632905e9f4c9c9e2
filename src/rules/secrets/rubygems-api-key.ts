import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-063',
    slug: 'rubygems-api-key',
    title: "Exposed RubyGems API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A RubyGems API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the RubyGems API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['rubygems-api-token'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["rubygems_api_key = \"rubygems_3c2f1b5b5e03a2217a20b9e39c0b057b3784149d09578f02\"\n"],
      good: ["rubygems_api_key = \"${RUBYGEMS_API_KEY}\"\n"],
    },
  },
  check: reportDetector('rubygems-api-key', "RubyGems API key"),
});
