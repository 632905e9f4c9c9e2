import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import automount from './service-account-token-automounted.js';
import defaultSa from './default-service-account.js';

const run = createRuleTester({ describe, it, expect });

// K8S-025
run(automount, {
  valid: [
    `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      automountServiceAccountToken: false
      containers: [{name: app, image: nginx:1.27}]
`,
    { name: 'a ServiceAccount object is not a pod', code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: web}\n' },
  ],
  invalid: [
    {
      name: 'explicit true points at the field',
      code: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  automountServiceAccountToken: true
  containers: [{name: app, image: nginx:1.27}]
`,
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 37, message: 'sets automountServiceAccountToken to true' }],
    },
    {
      name: 'unset points at the pod spec of the template',
      code: `apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: app, image: busybox:1.36}]
`,
      errors: [{ line: 6, column: 5, message: 'does not set automountServiceAccountToken: false' }],
    },
  ],
});

// K8S-026
run(defaultSa, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  serviceAccountName: web
  containers: [{name: app, image: nginx:1.27}]
`,
    {
      name: 'the deprecated serviceAccount field counts when serviceAccountName is empty',
      code: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  serviceAccount: web
  containers: [{name: app, image: nginx:1.27}]
`,
    },
  ],
  invalid: [
    {
      name: 'explicit default',
      code: `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: rs}
spec:
  template:
    spec:
      serviceAccountName: default
      containers: [{name: app, image: nginx:1.27}]
`,
      errors: [{ line: 7, column: 7, endColumn: 34, message: 'runs as the "default" service account (serviceAccountName)' }],
    },
    {
      name: 'none named',
      code: `apiVersion: v1
kind: PodTemplate
metadata: {name: t}
template:
  spec:
    containers: [{name: app, image: nginx:1.27}]
`,
      errors: [{ line: 5, column: 3, message: 'names no service account' }],
    },
  ],
});
