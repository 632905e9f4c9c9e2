import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './host-network.js';

const run = createRuleTester({ describe, it, expect });

run(rule, {
  valid: [
    'services:\n  app:\n    image: alpine:3.20\n',
    { name: 'other values', code: 'services:\n  app:\n    image: alpine:3.20\n    network_mode: "service:db"\n' },
    { name: 'a variable without a default', code: 'services:\n  app:\n    image: alpine:3.20\n    network_mode: ${MODE}\n' },
  ],
  invalid: [
    {
      name: 'points at the key',
      code: 'services:\n  app:\n    image: alpine:3.20\n    network_mode: host\n',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 23, message: 'it shares the host network stack' }],
    },
    {
      name: 'quoted, and from a default',
      code: 'services:\n  app:\n    image: alpine:3.20\n    network_mode: "${MODE:-host}"\n',
      errors: [{ line: 4, column: 5 }],
    },
  ],
});
