import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import { lint } from '../../testing/index.js';
import rule from './dangerous-capabilities.js';

const run = createRuleTester({ describe, it, expect });

run(rule, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n    cap_add: [NET_BIND_SERVICE, CHOWN]\n',
    { name: 'cap_drop is not cap_add', code: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop: [SYS_ADMIN]\n' },
  ],
  invalid: [
    {
      name: 'each dangerous entry, any case, with or without CAP_',
      code: 'services:\n  vpn:\n    image: wg:1\n    cap_add:\n      - NET_ADMIN\n      - cap_sys_module\n      - CHOWN\n',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 18, message: 'adds capability NET_ADMIN' },
        { line: 6, column: 9, endLine: 6, endColumn: 23, message: 'adds capability SYS_MODULE' },
      ],
    },
    {
      name: 'flow sequence',
      code: 'services:\n  vpn:\n    image: wg:1\n    cap_add: [ALL]\n',
      errors: [{ line: 4, column: 15, endLine: 4, endColumn: 18, message: 'every capability' }],
    },
  ],
});

describe('DC-002 severity', () => {
  it('is critical for ALL, SYS_ADMIN, SYS_MODULE and SYS_RAWIO, high otherwise', () => {
    const found = lint(rule, 'services:\n  a:\n    image: x:1\n    cap_add: [SYS_ADMIN, SYS_PTRACE]\n');
    expect(found.map((f) => f.severity)).toEqual(['critical', 'high']);
  });
});
