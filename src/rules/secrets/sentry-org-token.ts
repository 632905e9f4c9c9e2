import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-111',
    slug: 'sentry-org-token',
    title: "Exposed Sentry organization auth token",
    severity: 'high',
    appliesTo: ['secrets'],
    description: "A Sentry organization auth token committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Sentry organization auth token at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: [],
    practice: 'P8',
    references: ['https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["sentry_org_token = \"sntrys_eyJS2lB8FpD93sX5H0QA1EJGPuuUwLburwZSc5AkRkQT1e5QtpTXx_GaDgMRPCd9pPpaOBgUTvjt0kxlrJcqJ3eq4uaCRBIE8\"\n"],
      good: ["sentry_org_token = \"${SENTRY_ORG_TOKEN}\"\n"],
    },
  },
  check: reportDetector('sentry-org-token', "Sentry organization auth token"),
});
