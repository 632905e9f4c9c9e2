import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-054',
    slug: 'octopus-deploy-api-key',
    title: "Exposed Octopus Deploy API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Octopus Deploy API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Octopus Deploy API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["octopus_deploy_api_key = \"API-PU191B63RNGI1474SCZ884FUDR\"\n"],
      good: ["octopus_deploy_api_key = \"${OCTOPUS_DEPLOY_API_KEY}\"\n"],
    },
  },
  check: reportDetector('octopus-deploy-api-key', "Octopus Deploy API key"),
});
