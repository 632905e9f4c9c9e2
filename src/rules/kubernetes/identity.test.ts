import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import lowGroup from './low-run-as-group.js';
import lowUser from './low-run-as-user.js';

const run = createRuleTester({ describe, it, expect });

const highPod = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: {runAsUser: 10001, runAsGroup: 10001}
  containers: [{name: app, image: x:1}]
`;

// K8S-034
run(lowUser, {
  valid: [
    highPod,
    { name: 'the container overrides a low pod value', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext:\n    runAsUser: 0\n  containers:\n    - name: app\n      image: x:1\n      securityContext: {runAsUser: 20000}\n' },
    { name: 'minUid is configurable', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext:\n    runAsUser: 1000\n  containers: [{name: app, image: x:1}]\n', settings: { minUid: 1000 } },
  ],
  invalid: [
    {
      name: 'a low pod value applies to containers that set none, and points at the pod field',
      code: `apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      securityContext:
        runAsUser: 1000
      containers:
        - name: a
          image: x:1
        - name: b
          image: x:1
          securityContext:
            runAsUser: 0
`,
      errors: [
        { line: 8, column: 9, endColumn: 24, message: 'runs with UID 1000 (from the pod securityContext.runAsUser), below 10000', container: 'a' },
        { line: 15, column: 13, message: 'runs with UID 0 (securityContext.runAsUser)', container: 'b' },
      ],
    },
    {
      name: 'unset: the image decides; points at the container',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: app\n      image: x:1\n',
      errors: [{ line: 6, column: 7, message: 'sets no securityContext.runAsUser', container: 'app' }],
    },
  ],
});

// K8S-035
run(lowGroup, {
  valid: [highPod],
  invalid: [
    {
      name: 'root group at container level wins over a high pod value',
      code: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext: {runAsGroup: 10001}
  containers:
    - name: app
      image: x:1
      securityContext:
        runAsGroup: 0
`,
      errors: [{ line: 10, column: 9, message: 'runs with GID 0', container: 'app' }],
    },
  ],
});
