import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './default-namespace.js';

const run = createRuleTester({ describe, it, expect });

// K8S-027
run(rule, {
  valid: [
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\n',
    { name: 'cluster-scoped kinds have no namespace', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules: []\n' },
    { name: 'custom resources are left alone', code: 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n' },
  ],
  invalid: [
    {
      name: 'default namespace points at the field',
      code: `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
spec: {}
`,
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 21, message: 'Service "web" is in the default namespace' }],
    },
    {
      name: 'no namespace points at metadata',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec: {}
`,
      errors: [{ line: 3, column: 1, message: 'names no namespace' }],
    },
  ],
});
