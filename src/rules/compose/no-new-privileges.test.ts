import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './no-new-privileges.js';

const run = createRuleTester({ describe, it, expect });

run(rule, {
  valid: [
    { name: 'an override fragment without image or build', filename: 'docker-compose.override.yml', code: 'services:\n  app:\n    ports: ["127.0.0.1:8080:80"]\n' },
    'services:\n  app:\n    image: alpine:3.20\n    security_opt: [no-new-privileges]\n',
    { name: 'with =true', code: 'services:\n  app:\n    image: alpine:3.20\n    security_opt:\n      - no-new-privileges=true\n' },
  ],
  invalid: [
    {
      name: 'absent: points at the service name',
      code: 'services:\n  app:\n    image: alpine:3.20\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 6 }],
    },
    {
      name: 'security_opt without it: points at security_opt',
      code: 'services:\n  app:\n    image: alpine:3.20\n    security_opt:\n      - apparmor:docker-default\n',
      errors: [{ line: 4, column: 5, message: 'does not set security_opt no-new-privileges:true' }],
    },
    {
      name: 'explicitly false: points at the entry',
      code: 'services:\n  app:\n    image: alpine:3.20\n    security_opt:\n      - no-new-privileges:false\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 32, message: 'sets "no-new-privileges:false"' }],
    },
  ],
});
