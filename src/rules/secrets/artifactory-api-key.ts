import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-067',
    slug: 'artifactory-api-key',
    title: "Exposed JFrog Artifactory API key",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A JFrog Artifactory API key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the JFrog Artifactory API key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["artifactory_api_key = \"AKCpCHhY4dS4CRL2HUcnKD3D1UDBwJGK19MOtRZNQzxWKJR9kKqh8Mf3nwL6wfFVFHjISTfy4\"\n"],
      good: ["artifactory_api_key = \"${ARTIFACTORY_API_KEY}\"\n"],
    },
  },
  check: reportDetector('artifactory-api-key', "JFrog Artifactory API key"),
});
