import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './read-only-root-filesystem.js';

const run = createRuleTester({ describe, it, expect });

run(rule, {
  valid: [
    `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx
          securityContext: {readOnlyRootFilesystem: true}
`,
    { name: 'non-workload kinds pass', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: b}\n' },
    { name: 'Windows pods cannot set the field', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: w}\nspec:\n  os: {name: windows}\n  containers: [{name: app, image: mcr.microsoft.com/windows/nanoserver:ltsc2022}]\n' },
  ],
  invalid: [
    {
      name: 'explicit false points at the field',
      code: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx
          securityContext:
            readOnlyRootFilesystem: false
`,
      errors: [{ line: 11, column: 13, endLine: 11, endColumn: 42, message: 'sets securityContext.readOnlyRootFilesystem to false', container: 'app' }],
    },
    {
      name: 'missing field points at the container, init containers too',
      code: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: init
      image: busybox
  containers:
    - name: app
      image: nginx
`,
      errors: [
        { line: 9, column: 7, container: 'app' },
        { line: 6, column: 7, container: 'init' },
      ],
    },
    {
      name: 'inline ignore on another rule does not suppress',
      code: `apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: job # drydock:ignore K8S-999 unrelated
              image: busybox
`,
      errors: [{ line: 10, column: 15 }],
    },
  ],
});

describe('suppression', () => {
  it('an inline comment by alias suppresses', async () => {
    const { lint } = await import('../../testing/index.js');
    const found = lint(rule, `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    # drydock:ignore KSV014 writes to /tmp only
    - name: app
      image: nginx
`);
    expect(found).toHaveLength(1);
    expect(found[0]!.suppressed).toMatchObject({ kind: 'inline', reason: 'writes to /tmp only' });
  });
});
