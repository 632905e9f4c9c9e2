import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './pss-privileged.js';

const run = createRuleTester({ describe, it, expect });

// K8S-003: Pod Security Standards baseline control "privileged", judged at the latest policy version.
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
        privileged: false
`,
    { name: 'kinds without a pod spec pass', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n' },
  ],
  invalid: [
    {
      name: "privileged init container",
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
      initContainers:
        - name: setup
          image: busybox:1.36
          securityContext: {privileged: true}
      containers:
        - name: app
          image: nginx:1.27
`,
      errors: [{ line: 15, column: 29, container: 'setup' }],
    },
  ],
});
