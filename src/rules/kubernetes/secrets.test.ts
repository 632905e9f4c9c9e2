import { describe, expect, it } from 'vitest';
import { createRuleTester, lint } from '../../testing/index.js';
import secretData from './secret-data-committed.js';
import secretEnv, { isSecretName } from './secret-in-env-literal.js';

const run = createRuleTester({ describe, it, expect });

describe('secret variable names', () => {
  it('recognises credentials and leaves references to them alone', () => {
    for (const n of ['DB_PASSWORD', 'SECRET_BLAH', 'apiKey', 'API_KEY', 'GITHUB_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'PRIVATE_KEY', 'clientSecret']) expect(isSecretName(n), n).toBe(true);
    for (const n of ['BLAH', 'PASSWORD_FILE', 'TOKEN_URL', 'SECRET_NAME', 'AWS_ACCESS_KEY_ID', 'KEYCLOAK_HOST', 'TOKEN_TTL', 'COMPASS']) expect(isSecretName(n), n).toBe(false);
  });
});

// K8S-031
run(secretEnv, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: web:1
      env:
        - {name: BLAH, value: secretsquirrels}
        - {name: API_TOKEN, valueFrom: {secretKeyRef: {name: s, key: t}}}
        - {name: DB_PASSWORD, value: ""}
        - {name: ADMIN_PASSWORD, value: "$(FROM_SECRET)"}
        - {name: ACCESS_KEY, value: "<YOUR ACCESS KEY>"}
        - {name: API_TOKEN, value: "\${API_TOKEN}"}
`,
  ],
  invalid: [
    {
      name: 'points at the literal value, in init containers too',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: web:1
          env:
            - name: DB_PASSWORD
              value: hunter2
      containers:
        - name: app
          image: web:1
          env:
            - name: STRIPE_API_KEY
              value: sk_live_abcdef
`,
      errors: [
        { line: 18, column: 15, endColumn: 36, message: 'sets STRIPE_API_KEY to a literal value', container: 'app' },
        { line: 12, column: 15, endColumn: 29, message: 'sets DB_PASSWORD to a literal value', container: 'migrate' },
      ],
    },
  ],
});

describe('K8S-031 never prints the value', () => {
  it('keeps the secret out of the message', () => {
    const [f] = lint(secretEnv, 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      env: [{name: TOKEN, value: s3cr3t-v4lue}]\n');
    expect(f!.message).not.toContain('s3cr3t');
  });
});

// K8S-036
run(secretData, {
  valid: [
    'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: Opaque\n',
    { name: 'placeholders filled at deploy time', code: 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  a: "${A}"\n  b: "{{ .Values.b }}"\ndata:\n  c: ""\n' },
    { name: 'a ConfigMap is not a Secret', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {password: x}\n' },
  ],
  invalid: [
    {
      name: 'one finding per key, at the key',
      code: `apiVersion: v1
kind: Secret
metadata:
  name: db
data:
  password: aHVudGVyMg==
stringData:
  user: admin
`,
      errors: [
        { line: 6, column: 3, endLine: 6, endColumn: 25, message: 'key "password" in data' },
        { line: 8, column: 3, message: 'key "user" in stringData' },
      ],
    },
  ],
});

describe('K8S-036 never prints the value', () => {
  it('names keys only', () => {
    const found = lint(secretData, 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {token: s3cr3t-v4lue}\n');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).not.toContain('s3cr3t');
  });
});
