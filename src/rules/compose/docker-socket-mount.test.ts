import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './docker-socket-mount.js';

const run = createRuleTester({ describe, it, expect });

run(rule, {
  valid: [
    'services:\n  app:\n    image: x:1\n    volumes:\n      - ./docker.sock.d:/etc/app\n      - docker.sock:/data\n',
    { name: 'a variable without a default', code: 'services:\n  app:\n    image: x:1\n    volumes:\n      - ${SOCK}:/var/run/docker.sock\n' },
  ],
  invalid: [
    {
      name: 'short syntax, read-only does not help',
      code: 'services:\n  app:\n    image: x:1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 53, message: 'read-only does not help' }],
    },
    {
      name: 'long syntax and other runtimes',
      code: 'services:\n  app:\n    image: x:1\n    volumes:\n      - type: bind\n        source: /run/containerd/containerd.sock\n        target: /run/containerd/containerd.sock\n      - "${XDG_RUNTIME_DIR:-/run/user/1000}/podman/podman.sock:/var/run/docker.sock"\n',
      errors: [
        { line: 5, column: 9, endLine: 7, endColumn: 48, message: '/run/containerd/containerd.sock' },
        { line: 8, column: 9, message: '/run/user/1000/podman/podman.sock' },
      ],
    },
  ],
});
