import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-149',
    slug: 'mapbox-secret-token',
    title: "Exposed Mapbox secret access token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Mapbox secret access token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Mapbox secret access token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["mapbox_secret_token = \"sk.eyJB8cVH5mQFz9wYbg0M5ZRD8bs74vPSwR0cxk1QiBMHmwczVe8NG.PYNPgEaF76Wdf006hIJg\"\n"],
      good: ["mapbox_secret_token = \"${MAPBOX_SECRET_TOKEN}\"\n"],
    },
  },
  check: reportDetector('mapbox-secret-token', "Mapbox secret access token"),
});
