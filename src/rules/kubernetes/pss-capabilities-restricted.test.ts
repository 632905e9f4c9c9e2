import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './pss-capabilities-restricted.js';

const run = createRuleTester({ describe, it, expect });

// K8S-018: Pod Security Standards restricted control "capabilities_restricted", judged at the latest policy version.
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
          drop: [ALL]
          add: [NET_BIND_SERVICE]
`,
    { name: 'kinds without a pod spec pass', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n' },
  ],
  invalid: [
    {
      name: "drop without ALL, and an added capability",
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
              drop: [NET_RAW]
              add: [CHOWN]
`,
      errors: [{ line: 17, column: 15, container: 'app' }, { line: 18, column: 21, container: 'app' }],
    },
  ],
});
