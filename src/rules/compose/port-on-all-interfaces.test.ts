import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './port-on-all-interfaces.js';

const run = createRuleTester({ describe, it, expect });

run(rule, {
  valid: [
    'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n      - "[::1]:6432:6432"\n      - target: 80\n        host_ip: 192.168.1.10\n        published: 8080\n    expose: ["9000"]\n',
    { name: 'a default address', code: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "${BIND:-127.0.0.1}:5432:5432"\n' },
    { name: 'ignored under host networking', code: 'services:\n  db:\n    image: postgres:16\n    network_mode: host\n    ports: ["5432:5432"]\n' },
  ],
  invalid: [
    {
      name: 'no address, any address, random host port, long syntax',
      code: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - 5432:5432\n      - "0.0.0.0:80:80"\n      - "[::]:443:443"\n      - "9000"\n      - target: 53\n        published: 53\n        protocol: udp\n',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 18, message: 'publishes container port 5432/tcp on host port 5432 on all interfaces' },
        { line: 6, column: 9, message: 'on host port 80' },
        { line: 7, column: 9, message: 'on host port 443' },
        { line: 8, column: 9, message: 'on a random host port' },
        { line: 9, column: 9, endLine: 11, endColumn: 22, message: 'container port 53/udp' },
      ],
    },
  ],
});
