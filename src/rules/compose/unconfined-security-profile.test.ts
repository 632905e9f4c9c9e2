import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './unconfined-security-profile.js';

const run = createRuleTester({ describe, it, expect });

run(rule, {
  valid: [
    'services:\n  app:\n    image: alpine:3.20\n    security_opt:\n      - seccomp:./profile.json\n      - apparmor:docker-default\n      - label:type:container_t\n',
  ],
  invalid: [
    {
      name: 'every unconfining form, with : or =',
      code: 'services:\n  app:\n    image: alpine:3.20\n    security_opt:\n      - seccomp:unconfined\n      - apparmor=unconfined\n      - label:disable\n      - label=disable\n      - "label=type:spc_t"\n      - systempaths=unconfined\n',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 27, message: 'disables the seccomp system-call filter' },
        { line: 6, column: 9, message: 'disables the AppArmor profile' },
        { line: 7, column: 9, message: 'disables SELinux labelling' },
        { line: 8, column: 9, message: 'disables SELinux labelling' },
        { line: 9, column: 9, message: 'super-privileged' },
        { line: 10, column: 9, message: 'unmasks /proc and /sys' },
      ],
    },
  ],
});
