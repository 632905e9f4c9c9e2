import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './pss-host-path-volumes.js';

const run = createRuleTester({ describe, it, expect });

// K8S-005: Pod Security Standards baseline control "hostPathVolumes", judged at the latest policy version.
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
    - name: scratch
      emptyDir: {}
`,
    { name: 'kinds without a pod spec pass', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n' },
  ],
  invalid: [
    {
      name: "hostPath in a CronJob",
      code: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: '0 3 * * *'
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: app
              image: nginx:1.27
          volumes:
            - name: logs
              hostPath: {path: /var/log}
`,
      errors: [{ line: 16, column: 15 }],
    },
  ],
});
