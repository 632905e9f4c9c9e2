import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './pss-host-namespaces.js';

const run = createRuleTester({ describe, it, expect });

// K8S-002: Pod Security Standards baseline control "hostNamespaces", judged at the latest policy version.
run(rule, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostNetwork: false
  containers:
    - name: app
      image: nginx:1.27
`,
    { name: 'kinds without a pod spec pass', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n' },
  ],
  invalid: [
    {
      name: "hostNetwork and hostPID",
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      hostNetwork: true
      hostPID: true
      containers:
        - name: app
          image: nginx:1.27
`,
      errors: [{ line: 12, column: 7 }, { line: 13, column: 7 }],
    },
  ],
});
