import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-051',
    slug: 'vault-service-token',
    title: "Exposed HashiCorp Vault token",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A HashiCorp Vault token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the HashiCorp Vault token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["vault_service_token = \"hvs.RK8eYHWg9GfnqEri2zbePP8dHg04UOef8PyEYkxe68e8S7OlA2PQNof9Vxz70sr9fwTf21UldB12Zkr6Q8YyHFtvHX\"\n"],
      good: ["vault_service_token = \"${VAULT_SERVICE_TOKEN}\"\n"],
    },
  },
  check: reportDetector('vault-service-token', "HashiCorp Vault token"),
});
