import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-058',
    slug: 'docker-config-auth',
    title: "Exposed Registry credentials in a Docker config.json",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Registry credentials in a Docker config.json committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Registry credentials in a Docker config.json at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['dockerconfig-secret'],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["{\n  \"auths\": {\n    \"registry.acme.io\": {\n      \"auth\": \"ZGVwbG95Okk0elJHNTI0OEFPb2wyQm03eDYx\"\n    }\n  }\n}\n"],
      good: ["{\n  \"auths\": {\n    \"registry.acme.io\": {}\n  },\n  \"credsStore\": \"desktop\"\n}\n"],
    },
  },
  check: reportDetector('docker-config-auth', "Registry credentials in a Docker config.json"),
});
