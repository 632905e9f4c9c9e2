import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './pss-run-as-non-root.js';

const run = createRuleTester({ describe, it, expect });

// K8S-015: Pod Security Standards restricted control "runAsNonRoot", judged at the latest policy version.
run(rule, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsNonRoot: true
  containers:
    - name: app
      image: nginx:1.27
`,
    { name: 'kinds without a pod spec pass', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n' },
  ],
  invalid: [
    {
      name: "explicit false on the pod",
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
        runAsNonRoot: false
      containers:
        - name: app
          image: nginx:1.27
`,
      errors: [{ line: 13, column: 9 }],
    },
    {
      name: "not set anywhere",
      code: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: '0 3 * * *'
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: app
              image: nginx:1.27
`,
      errors: [{ line: 12, column: 15, container: 'app' }],
    },
  ],
});
