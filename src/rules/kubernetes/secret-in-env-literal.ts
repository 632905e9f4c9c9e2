import { WORKLOAD_KINDS, containersOf, podSpecOf, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { defineRule } from '../types.js';
import { containerResource, isObj } from './support/workload.js';
import { detached } from '../../util/text.js';

/** Words that make a variable name a credential on their own. */
const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'passphrase', 'secret', 'token', 'apikey', 'credential', 'credentials', 'privatekey', 'accesskey', 'secretkey']);
/** Pairs of words that together name a credential (API_KEY, PRIVATE_KEY, …). */
const SECRET_PAIRS = new Set(['api key', 'private key', 'access key', 'secret key', 'auth key', 'signing key', 'encryption key', 'client secret', 'master key']);
/** A last word that says the variable is about a secret, not the secret itself (TOKEN_URL, PASSWORD_FILE, ACCESS_KEY_ID). */
const NOT_THE_SECRET = new Set([
  'file', 'path', 'dir', 'directory', 'url', 'uri', 'endpoint', 'host', 'port', 'name', 'ref', 'id', 'length', 'len', 'ttl',
  'expiry', 'expires', 'expiration', 'timeout', 'enabled', 'enable', 'disabled', 'type', 'header', 'mode', 'location', 'key_id', 'version',
]);
const NOT_A_SECRET_VALUE = /^(true|false|yes|no|on|off|enabled|disabled|none|null)?$/i;
/** Template placeholders filled at deploy time: ${VAR}, {{ .Values.x }}, <YOUR KEY HERE>. */
const PLACEHOLDER = /^(\$\{[^}]*\}|\{\{.*\}\}|<[^<>]*>|%[A-Z0-9_]+%)$/s;

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Names already judged: the same few variables recur in every workload of a repository. */
const judged = new Map<string, boolean>();

/** Whether an environment variable name says it holds a credential. */
export function isSecretName(name: string): boolean {
  let verdict = judged.get(name);
  if (verdict === undefined) {
    if (judged.size >= 4096) judged.clear();
    verdict = judgeName(name);
    // A copy of its own: a slice of the manifest would keep the whole file alive in the map.
    judged.set(detached(name), verdict);
  }
  return verdict;
}

function judgeName(name: string): boolean {
  const w = words(name);
  if (w.length === 0 || NOT_THE_SECRET.has(w[w.length - 1]!)) return false;
  for (let i = 0; i < w.length; i++) {
    if (SECRET_WORDS.has(w[i]!)) return true;
    if (i + 1 < w.length && SECRET_PAIRS.has(`${w[i]} ${w[i + 1]}`)) return true;
  }
  return false;
}

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-031',
    slug: 'secret-in-env-literal',
    title: 'Secret passed as a literal environment value',
    severity: 'high',
    appliesTo: ['kubernetes'],
    description: 'A credential written as a literal env value sits in plain text in the repository, in the API server and in every `kubectl get -o yaml`, readable by anyone who can read the workload.',
    remediation: 'Store the value in a Secret (or an external secret store) and reference it with env[].valueFrom.secretKeyRef, or mount it as a file.',
    aliases: ['env-var-secret'],
    practice: 'P8',
    references: ['https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables', 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/'],
    examples: {
      bad: [
        `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: shop/web:2.1
      env:
        - name: DB_PASSWORD
          value: hunter2
`,
      ],
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: shop/web:2.1
      env:
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef: {name: db, key: password}
        - name: DB_PASSWORD_FILE
          value: /run/secrets/db
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check(doc, ctx) {
    const pod = podSpecOf(doc);
    if (!pod) return;
    for (const c of containersOf(pod)) {
      const env = c.container.env;
      if (!Array.isArray(env)) continue;
      env.forEach((e, i) => {
        if (!isObj(e) || typeof e.name !== 'string' || !isSecretName(e.name)) return;
        const value = e.value;
        if (value === undefined || value === null || typeof value === 'object') return;
        const text = String(value).trim();
        // Empty, a flag, a template placeholder, or nothing but a $(VAR) reference to another variable.
        if (NOT_A_SECRET_VALUE.test(text) || PLACEHOLDER.test(text) || /^(\$\([A-Za-z_][A-Za-z0-9_]*\))+$/.test(text)) return;
        ctx.report({
          // The value itself is never repeated: it is the secret.
          message: `Container "${c.name}" sets ${e.name} to a literal value (${text.length} characters) instead of a secretKeyRef.`,
          at: { pointer: [...c.pointer, 'env', i, 'value'] },
          resource: containerResource(doc, c),
          fingerprintData: `${c.type}/${c.name}/${e.name}`,
        });
      });
    }
  },
});
