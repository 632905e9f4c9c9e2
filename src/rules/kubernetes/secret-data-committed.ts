import type { KubeDocument } from '../../parsers/kubernetes/index.js';
import { defineRule } from '../types.js';
import { isObj } from './support/workload.js';

/** Template placeholders that tooling fills in at deploy time: not a committed secret. */
const PLACEHOLDER = /^(\$\{[^}]*\}|\$\([^)]*\)|\{\{.*\}\}|<[^<>]*>|%[A-Z0-9_]+%)$/s;

function decodeBase64(v: string): string | undefined {
  const s = v.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 === 1) return undefined;
  return Buffer.from(s, 'base64').toString('utf8');
}

/** Whether a value carries material (a placeholder or an empty value does not). */
function carriesSecret(value: unknown, encoded: boolean): boolean {
  if (value === undefined || value === null || typeof value === 'object') return false;
  const raw = String(value).trim();
  if (raw === '' || PLACEHOLDER.test(raw)) return false;
  if (!encoded) return true;
  const decoded = decodeBase64(raw);
  // Invalid base64 is rejected by the API server, but it is still text someone committed.
  return decoded === undefined || (decoded.trim() !== '' && !PLACEHOLDER.test(decoded.trim()));
}

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-036',
    slug: 'secret-data-committed',
    title: 'Secret object with data in the repository',
    severity: 'high',
    appliesTo: ['kubernetes'],
    description: 'Secret data is only base64-encoded, so a Secret manifest in the repository hands its values to everyone with read access and to the repository\'s whole history.',
    remediation: 'Keep the values out of the repository: create the Secret from a secret store (External Secrets, Vault, SOPS or Sealed Secrets), and rotate any value already committed.',
    aliases: [],
    practice: 'P8',
    references: ['https://kubernetes.io/docs/concepts/configuration/secret/', 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/'],
    examples: {
      bad: [
        `apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
stringData:
  password: hunter2
`,
      ],
      good: [
        `apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
stringData:
  password: \${DB_PASSWORD}
`,
      ],
    },
  },
  objectKinds: ['Secret'],
  check(doc, ctx) {
    if (doc.objectKind !== 'Secret' || typeof doc.object.apiVersion !== 'string' || doc.object.apiVersion !== 'v1') return;
    for (const section of ['data', 'stringData'] as const) {
      const entries = doc.object[section];
      if (!isObj(entries)) continue;
      for (const [key, value] of Object.entries(entries)) {
        if (!carriesSecret(value, section === 'data')) continue;
        ctx.report({
          // Never the value: only the key names where it lives.
          message: `Secret "${doc.name}" commits a value for key "${key}" in ${section}.`,
          at: { pointer: [section, key] },
          fingerprintData: `${section}/${key}`,
        });
      }
    }
  },
});
