import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule, { normaliseHostPath, sensitiveReason } from './sensitive-host-path.js';

const run = createRuleTester({ describe, it, expect });

describe('sensitive host paths', () => {
  it('resolves the path before judging it', () => {
    expect(normaliseHostPath('/var/../etc//kubernetes/')).toBe('/etc/kubernetes');
    expect(sensitiveReason('/var/../etc/kubernetes')).toBe('a host system directory');
    expect(sensitiveReason('//')).toBe("the node's root filesystem");
    expect(sensitiveReason('/run/containerd/containerd.sock')).toBe('a container runtime socket');
    expect(sensitiveReason('/var/run/dbus/system_bus_socket')).toBe('a host control socket');
    for (const p of ['/var/log/app', '/data', '/var/run/thing.sock', '/dev/fuse', '/etcetera']) expect(sensitiveReason(p), p).toBeUndefined();
  });
});

// K8S-032
run(rule, {
  valid: [
    `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: agent:1
      volumeMounts: [{name: logs, mountPath: /logs}]
  volumes:
    - name: logs
      hostPath: {path: /var/log/app}
    - name: tmp
      emptyDir: {}
`,
    {
      name: 'CA certificates mounted read-only',
      code: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: app:1
      volumeMounts:
        - {name: certs, mountPath: /etc/ssl/certs, readOnly: true}
  volumes:
    - name: certs
      hostPath: {path: /etc/ssl/certs}
`,
    },
  ],
  invalid: [
    {
      name: 'one finding per mounting container, at the host path',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  template:
    spec:
      containers:
        - name: agent
          image: agent:1
          volumeMounts:
            - name: sock
              mountPath: /var/run/docker.sock
        - name: sidecar
          image: side:1
          volumeMounts:
            - name: sock
              mountPath: /sock
      volumes:
        - name: sock
          hostPath:
            path: /var/run/docker.sock
            type: Socket
`,
      errors: [
        { line: 21, column: 13, endLine: 21, endColumn: 39, message: 'mounts host path "/var/run/docker.sock" (volume "sock"), a container runtime socket', container: 'agent' },
        { line: 21, column: 13, container: 'sidecar' },
      ],
    },
    {
      name: 'a declared but unmounted volume is still reported (a debug container can mount it)',
      code: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: app:1
  volumes:
    - name: root
      hostPath:
        path: /
`,
      errors: [{ line: 11, column: 9, message: 'no container mounts it yet' }],
    },
    {
      name: 'CA certificates mounted writable',
      code: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: app:1
      volumeMounts:
        - name: certs
          mountPath: /etc/ssl/certs
  volumes:
    - name: certs
      hostPath:
        path: /etc/ssl/certs
`,
      errors: [{ line: 14, column: 9, message: 'a host system directory, writable', container: 'app' }],
    },
  ],
});
