import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './pss-sysctls.js';

const run = createRuleTester({ describe, it, expect });

// K8S-011: Pod Security Standards baseline control "sysctls", judged at the latest policy version.
run(rule, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    sysctls:
      - name: net.ipv4.ip_local_port_range
        value: '1024 65535'
  containers:
    - name: app
      image: nginx:1.27
`,
    { name: 'kinds without a pod spec pass', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n' },
  ],
  invalid: [
    {
      name: "one unsafe among safe ones",
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
        sysctls:
          - name: net.ipv4.tcp_syncookies
            value: '1'
          - name: vm.swappiness
            value: '10'
      containers:
        - name: app
          image: nginx:1.27
`,
      errors: [{ line: 16, column: 13 }],
    },
  ],
});
