import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import cpuLimit from './cpu-limit-not-set.js';
import cpuRequest from './cpu-request-not-set.js';
import memoryLimit from './memory-limit-not-set.js';
import memoryRequest from './memory-request-not-set.js';

const run = createRuleTester({ describe, it, expect });

const limitsOnly = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
          resources:
            limits:
              cpu: 200m
              memory: 256Mi
`;

const podLevel = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  resources:
    limits: {cpu: "1", memory: 1Gi}
  containers:
    - name: app
      image: nginx:1.27
`;

// K8S-021
run(cpuLimit, {
  valid: [limitsOnly, { name: 'pod-level limits bound the pod', code: podLevel }, 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {}\n'],
  invalid: [
    {
      name: 'points at resources.limits when cpu is missing there',
      code: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        limits:
          memory: 128Mi
`,
      errors: [{ line: 9, column: 9, endLine: 10, message: 'sets no CPU limit (resources.limits.cpu)', container: 'app' }],
    },
    {
      name: 'no resources: points at the container; init containers count, in every pod-carrying kind',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - name: init
              image: busybox:1.36
          containers:
            - name: job
              image: busybox:1.36
`,
      errors: [
        { line: 14, column: 15, container: 'job' },
        { line: 11, column: 15, container: 'init' },
      ],
    },
  ],
});

// K8S-022
run(memoryLimit, {
  valid: [limitsOnly, podLevel],
  invalid: [
    {
      name: 'requests alone do not bound memory',
      code: `apiVersion: v1
kind: ReplicationController
metadata: {name: rc}
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
          resources:
            requests: {memory: 64Mi}
`,
      errors: [{ line: 10, column: 11, message: 'sets no memory limit', container: 'app' }],
    },
  ],
});

// K8S-023
run(cpuRequest, {
  valid: [{ name: 'a limit is the default request', code: limitsOnly }, podLevel],
  invalid: [
    {
      name: 'nothing set',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  template:
    spec:
      containers:
        - name: db
          image: postgres:16
          resources:
            requests: {memory: 1Gi}
`,
      errors: [{ line: 11, column: 13, message: 'sets no CPU request (resources.requests.cpu)', container: 'db' }],
    },
  ],
});

// K8S-024
run(memoryRequest, {
  valid: [limitsOnly, podLevel],
  invalid: [
    {
      name: 'cpu only',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  template:
    spec:
      containers:
        - name: agent
          image: agent:1.0
          resources:
            requests: {cpu: 100m}
`,
      errors: [{ line: 11, column: 13, message: 'sets no memory request', container: 'agent' }],
    },
  ],
});
