import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-042',
    slug: 'atlassian-api-token',
    title: "Exposed Atlassian API token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Atlassian API token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Atlassian API token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["atlassian_api_token = \"ATATT3pWC6eWGPpij21D9tBWCeslKgVEJe3OnRs0ciiTLFfNVEeAkkZBSdSSv56MSuMX6ks8vnQ51BFh0jcgRj64yMpo0QdgjftzDHuxhgiKOIUzrnyzdckOe3xbGRZ31Q25yBfU1FwUf8uvyfCB2SdhBsXdOqgXfGHtdfZfU0tFnaPGVJy9Q8NkKb92oSQN\"\n"],
      good: ["atlassian_api_token = \"${ATLASSIAN_API_TOKEN}\"\n"],
    },
  },
  check: reportDetector('atlassian-api-token', "Atlassian API token"),
});
