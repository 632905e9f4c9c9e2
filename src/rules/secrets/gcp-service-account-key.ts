import type { SecretsDocument } from '../../secrets/document.js';
import { defineRule } from '../types.js';
import { reportDetector } from './support/report.js';

export default defineRule<SecretsDocument>({
  meta: {
    id: 'SEC-005',
    slug: 'gcp-service-account-key',
    title: "Exposed Google Cloud service-account private key",
    severity: 'critical',
    appliesTo: ['secrets'],
    description: "A Google Cloud service-account private key committed to a file, an image layer or a commit gives anyone who can read it the access of its owner until it is revoked.",
    remediation: "Revoke or rotate the Google Cloud service-account private key at its issuer now (deleting it from the file is not enough: history and built images keep it), then provide it at run time from a secret store or an environment variable.",
    aliases: ['gcp-service-account'],
    practice: 'P8',
    references: ['https://cloud.google.com/docs/authentication/api-keys', 'https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html'],
    examples: {
      bad: ["{\n  \"type\": \"service_account\",\n  \"project_id\": \"acme-prod\",\n  \"private_key_id\": \"f543f003f88308ea0089a00c8e9596148e6342b8\",\n  \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIICdwIBADANBgkqhkiG9w0BAQEFAASCAmEwggJdAgEAAoGBALgHk/hilt+2RYrj\\nMwmQSnvHENbb4UEy9DW5SbVvLwGArr9idwT1F3mjZ16fZvzJvbokGwo3uUsTuHFO\\nt9CgZRGPe18qew1XawAe+l4565RF3I4HBDlPY6TLe6Zc2EWxzeuAIktJVtLs1Voy\\ns1tip2VGXY+dtLlxfmHw97OJ5+ZtAgMBAAECgYEAql8RpXWYmhoD/dXjTSpRWpBr\\nzY6Y1qSWpBoa3CbHzMtWfIZrC6LgDdOygk5uqP8Yb/i3M9ls6M2kBvpKgJHNnkYe\\nIPTlwDiY9J4/BiwENIzEjHeZWJThCqZY0BxGDZs/z2z/8vZn5JnvDnByC4B49tuA\\nGkobzjQAcu3KFJSoiV0CQQDrCGg0oCUrgyPzlikFsu1uYPWEjF2h76fjNtXi79Yb\\nBvvqyBhKyLMDA02bfzvHHiKOj+JNaVehSxtqkgPvjR9fAkEAyHJgvTYyMJ4yqTA3\\nIc53JpDCSwsyWsBbEZQSnkLXCIMJEJbYC4SBKVPFbepSvmg0dXiqqKa4lbaZOATK\\nncNpswJBALzlRNsG2tjdzUc4qD+sTqcnxiuBpL9Bne0/ZSe/GpUeR9mqd9ui8jy5\\nquYOnDysO5nYikktIQDBHIfKUt90zIECQHCF9NSC9g3g4OOlU23A75ZQsSFbebsE\\nPJtTmlgJgZkfphkP9NwSWEeQ5UXcwvJsoPZI9NSUMw6oYL7Xwb5qko0CQDQIeNOI\\nr6OQ+hjl8OEgp6BM6SNBWuvAooxw8MJ7gXzq37t0Uh22zIiDAuyMcg61SgWQodtR\\nFKri3SilGNBCfx0=\\n-----END PRIVATE KEY-----\\n\",\n  \"client_email\": \"ci@acme-prod.iam.gserviceaccount.com\"\n}\n"],
      good: ["{\n  \"type\": \"service_account\",\n  \"project_id\": \"acme-prod\",\n  \"client_email\": \"ci@acme-prod.iam.gserviceaccount.com\"\n}\n"],
    },
  },
  check: reportDetector('gcp-service-account-key', "Google Cloud service-account private key"),
});
