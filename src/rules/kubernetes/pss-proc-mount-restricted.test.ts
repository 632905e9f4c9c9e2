import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './pss-proc-mount-restricted.js';

const run = createRuleTester({ describe, it, expect });

// K8S-019: Pod Security Standards restricted control "procMount_restricted", judged at the latest policy version.
run(rule, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostUsers: false
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        procMount: Default
`,
    { name: 'kinds without a pod spec pass', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n' },
  ],
  invalid: [
    {
      name: "user-namespace pod",
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
      hostUsers: false
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            procMount: Unmasked
`,
      errors: [{ line: 17, column: 13, container: 'app' }],
    },
  ],
});
