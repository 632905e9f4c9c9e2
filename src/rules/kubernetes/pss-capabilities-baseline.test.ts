import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './pss-capabilities-baseline.js';

const run = createRuleTester({ describe, it, expect });

// K8S-004: Pod Security Standards baseline control "capabilities_baseline", judged at the latest policy version.
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
        capabilities:
          add: [NET_BIND_SERVICE]
`,
    { name: 'kinds without a pod spec pass', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n' },
  ],
  invalid: [
    {
      name: "two forbidden capabilities",
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
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            capabilities:
              add:
                - NET_ADMIN
                - CHOWN
                - SYS_TIME
`,
      errors: [{ line: 18, column: 19, container: 'app' }, { line: 20, column: 19, container: 'app' }],
    },
  ],
});
