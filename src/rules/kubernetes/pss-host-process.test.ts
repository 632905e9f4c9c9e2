import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './pss-host-process.js';

const run = createRuleTester({ describe, it, expect });

// K8S-001: Pod Security Standards baseline control "windowsHostProcess", judged at the latest policy version.
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
        windowsOptions:
          hostProcess: false
`,
    { name: 'kinds without a pod spec pass', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n' },
  ],
  invalid: [
    {
      name: "container sets hostProcess",
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
            windowsOptions: {hostProcess: true}
`,
      errors: [{ line: 16, column: 30, container: 'app' }],
    },
    {
      name: "pod-level hostProcess",
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
          securityContext:
            windowsOptions:
              hostProcess: true
          containers:
            - name: app
              image: nginx:1.27
`,
      errors: [{ line: 13, column: 15 }],
    },
  ],
});
