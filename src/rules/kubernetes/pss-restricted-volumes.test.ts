import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './pss-restricted-volumes.js';

const run = createRuleTester({ describe, it, expect });

// K8S-013: Pod Security Standards restricted control "restrictedVolumes", judged at the latest policy version.
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
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: data
`,
    { name: 'kinds without a pod spec pass', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n' },
  ],
  invalid: [
    {
      name: "nfs and hostPath",
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
      volumes:
        - name: cfg
          configMap: {name: cfg}
        - name: share
          nfs: {server: nfs.example.com, path: /exports}
        - name: host
          hostPath: {path: /srv}
`,
      errors: [{ line: 19, column: 11 }, { line: 21, column: 11 }],
    },
  ],
});
