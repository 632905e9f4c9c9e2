import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './pss-selinux.js';

const run = createRuleTester({ describe, it, expect });

// K8S-008: Pod Security Standards baseline control "seLinuxOptions", judged at the latest policy version.
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
        seLinuxOptions:
          type: container_t
          level: 's0:c123,c456'
`,
    { name: 'kinds without a pod spec pass', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n' },
  ],
  invalid: [
    {
      name: "type and user",
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
            seLinuxOptions:
              type: spc_t
              user: system_u
`,
      errors: [{ line: 17, column: 15, container: 'app' }, { line: 18, column: 15, container: 'app' }],
    },
  ],
});
