import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './pss-run-as-user.js';

const run = createRuleTester({ describe, it, expect });

// K8S-016: Pod Security Standards restricted control "runAsUser", judged at the latest policy version.
run(rule, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsUser: 10001
`,
    { name: 'kinds without a pod spec pass', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n' },
  ],
  invalid: [
    {
      name: "pod and container",
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
      securityContext:
        runAsUser: 0
      containers:
        - name: app
          image: nginx:1.27
          securityContext: {runAsUser: 0}
`,
      errors: [{ line: 13, column: 9 }, { line: 17, column: 29 }],
    },
  ],
});
