import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './pss-apparmor.js';

const run = createRuleTester({ describe, it, expect });

// K8S-007: Pod Security Standards baseline control "appArmorProfile", judged at the latest policy version.
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
        appArmorProfile:
          type: RuntimeDefault
`,
    { name: 'kinds without a pod spec pass', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n' },
  ],
  invalid: [
    {
      name: "unconfined annotation on the template",
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
      annotations:
        container.apparmor.security.beta.kubernetes.io/app: unconfined
    spec:
      containers:
        - name: app
          image: nginx:1.27
`,
      errors: [{ line: 12, column: 9 }],
    },
    {
      name: "unconfined field on the pod",
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
        appArmorProfile: {type: Unconfined}
      containers:
        - name: app
          image: nginx:1.27
`,
      errors: [{ line: 13, column: 27 }],
    },
  ],
});
