import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-057',
    slug: 'dockerhub-organization-token',
    title: "Exposed Docker Hub organization access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Docker Hub organization access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Docker Hub organization access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["dockerhub_organization_token = \"dckr_oat_JWujLXVYkKvTWdrddLjBQR2hL7G5WCul\"\n"],
      good: ["dockerhub_organization_token = \"${DOCKERHUB_ORGANIZATION_TOKEN}\"\n"],
    },
  },
  check: reportDetector('dockerhub-organization-token', "Docker Hub organization access token"),
});
