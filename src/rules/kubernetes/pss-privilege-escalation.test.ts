import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './pss-privilege-escalation.js';

const run = createRuleTester({ describe, it, expect });

// K8S-014: Pod Security Standards restricted control "allowPrivilegeEscalation", judged at the latest policy version.
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
        allowPrivilegeEscalation: false
`,
    { name: 'kinds without a pod spec pass', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n' },
  ],
  invalid: [
    {
      name: "unset and true",
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
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            allowPrivilegeEscalation: true
`,
      errors: [{ line: 13, column: 11 }, { line: 19, column: 13 }],
    },
  ],
});
