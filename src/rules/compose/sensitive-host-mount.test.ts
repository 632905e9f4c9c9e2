import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './sensitive-host-mount.js';

const run = createRuleTester({ describe, it, expect });

run(rule, {
  valid: [
    'services:\n  app:\n    image: x:1\n    volumes:\n      - ./config:/etc/app\n      - /etc/pihole:/etc/pihole\n      - etc:/etc\n      - /var/run/docker.sock:/var/run/docker.sock\n',
  ],
  invalid: [
    {
      name: 'host root, system trees and credential directories',
      code: 'services:\n  agent:\n    image: x:1\n    volumes:\n      - /:/host:ro\n      - /proc/:/host/proc\n      - ~/.aws:/root/.aws\n      - type: bind\n        source: /etc\n        target: /host/etc\n',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 19, message: "mounts the host's root filesystem (/ at /host, read-only)" },
        { line: 6, column: 9, message: "the host's /proc" },
        { line: 7, column: 9, message: 'a credential directory (.aws)' },
        { line: 8, column: 9, endLine: 10, endColumn: 26, message: "the host's /etc" },
      ],
    },
  ],
});
