import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './pss-seccomp-restricted.js';

const run = createRuleTester({ describe, it, expect });

// K8S-017: Pod Security Standards restricted control "seccompProfile_restricted", judged at the latest policy version.
run(rule, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: nginx:1.27
`,
    { name: 'kinds without a pod spec pass', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n' },
  ],
  invalid: [
    {
      name: "missing on the container",
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
            runAsNonRoot: true
`,
      errors: [{ line: 15, column: 11, container: 'app' }],
    },
  ],
});
