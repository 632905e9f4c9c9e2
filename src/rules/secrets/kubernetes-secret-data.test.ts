import { describe, expect, it } from 'vitest';
import { createRuleTester, lint } from '../../testing/index.js';
import rule from './kubernetes-secret-data.js';
import githubPat from './github-personal-access-token.js';
import genericPassword from './generic-password.js';

const run = createRuleTester({ describe, it, expect });

// SEC-194: committed Secret values, at the field.
run(rule, {
  valid: [
    { name: 'placeholders are not values', filename: 'secret.yaml', code: 'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData:\n  password: ${DB_PASSWORD}\n  token: "{{ .Values.token }}"\n  empty: ""\n' },
    { name: 'a ConfigMap is not a Secret', filename: 'cm.yaml', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  LOG_LEVEL: debug\n' },
  ],
  invalid: [
    {
      name: 'base64 data is decoded and reported at the field',
      filename: 'secret.yaml',
      code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  password: UzNjcjN0LVByMGQtUGFzc3cwcmQ=\n',
      errors: [{ line: 7, column: 3, endLine: 7, endColumn: 41, message: 'Kubernetes Secret value S3c' }],
    },
    {
      name: 'stringData entries too',
      filename: 'secret.yaml',
      code: 'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData:\n  dsn: host=db user=app\n',
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 24, message: 'in Secret stringData.dsn' }],
    },
  ],
});

describe('manifests go through the same detectors', () => {
  const token = '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';
  it('a GitHub token base64-encoded in Secret data is reported as a GitHub token at the field', () => {
    const code = `apiVersion: v1\nkind: Secret\nmetadata: {name: gh}\ndata:\n  token: ${Buffer.from(token).toString('base64')}\n`;
    const found = lint(githubPat, code, 'secret.yaml');
    expect(found).toHaveLength(1);
    expect(found[0]!.location).toMatchObject({ startLine: 5, startColumn: 3 });
    expect(found[0]!.message).toContain('in Secret data.token');
    expect(lint(rule, code, 'secret.yaml')).toHaveLength(0);
  });
  it('a literal env value split over name/value lines is a generic password', () => {
    const code = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: app
          image: web:1
          env:
            - name: DB_PASSWORD
              value: Zq8#vLm2Rt9xWp
`;
    const found = lint(genericPassword, code, 'deploy.yaml');
    expect(found).toHaveLength(1);
    expect(found[0]!.location).toMatchObject({ startLine: 12, startColumn: 15 });
    expect(found[0]!.message).toContain('env DB_PASSWORD');
  });
});
