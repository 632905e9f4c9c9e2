import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './pss-host-probes.js';

const run = createRuleTester({ describe, it, expect });

// K8S-012: Pod Security Standards baseline control "hostProbesAndHostLifecycle", judged at the latest policy version.
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
      livenessProbe:
        httpGet:
          path: /healthz
          port: 8080
`,
    { name: 'kinds without a pod spec pass', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n' },
  ],
  invalid: [
    {
      name: "probe and preStop hosts",
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
          readinessProbe:
            tcpSocket: {host: 10.0.0.1, port: 22}
          lifecycle:
            preStop:
              httpGet: {host: example.com, path: /, port: 80}
`,
      errors: [{ line: 16, column: 25, container: 'app' }, { line: 19, column: 25, container: 'app' }],
    },
  ],
});
