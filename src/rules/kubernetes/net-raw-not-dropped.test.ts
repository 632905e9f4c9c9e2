import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './net-raw-not-dropped.js';

const run = createRuleTester({ describe, it, expect });

// K8S-033
run(rule, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: x:1
      securityContext: {capabilities: {drop: [NET_RAW]}}
    - name: b
      image: x:1
      securityContext: {capabilities: {drop: [all], add: [NET_BIND_SERVICE]}}
    - name: c
      image: x:1
      securityContext: {capabilities: {drop: [CAP_NET_RAW]}}
`,
    { name: 'Windows pods have no Linux capabilities', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  os: {name: windows}\n  containers: [{name: a, image: x:1}]\n' },
  ],
  invalid: [
    {
      name: 'nothing dropped points at the deepest present field',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      containers:
        - name: app
          image: x:1
          securityContext:
            capabilities:
              drop: [CHOWN]
        - name: bare
          image: x:1
`,
      errors: [
        { line: 12, column: 15, message: 'does not drop NET_RAW', container: 'app' },
        { line: 13, column: 11, container: 'bare' },
      ],
    },
    {
      name: 'added back after dropping ALL, and privileged',
      code: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: ping
      image: x:1
      securityContext:
        capabilities:
          drop: [ALL]
          add:
            - NET_RAW
    - name: priv
      image: x:1
      securityContext:
        privileged: true
        capabilities: {drop: [ALL]}
`,
      errors: [
        { line: 12, column: 15, endColumn: 22, message: 'adds NET_RAW back', container: 'ping' },
        { line: 16, column: 9, message: 'is privileged', container: 'priv' },
      ],
    },
  ],
});
