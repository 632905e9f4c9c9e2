import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './capabilities-not-dropped.js';

const run = createRuleTester({ describe, it, expect });

run(rule, {
  valid: [
    { name: 'an override fragment without image or build', filename: 'docker-compose.override.yml', code: 'services:\n  app:\n    ports: ["127.0.0.1:8080:80"]\n' },
    'services:\n  web:\n    image: nginx:1.27\n    cap_drop: [all]\n',
    { name: 'CAP_ prefix', code: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop:\n      - CAP_ALL\n' },
  ],
  invalid: [
    {
      name: 'absent: points at the service name',
      code: 'services:\n  web:\n    image: nginx:1.27\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'does not set cap_drop: [ALL]' }],
    },
    {
      name: 'some but not ALL: points at cap_drop',
      code: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop:\n      - NET_RAW\n',
      errors: [{ line: 4, column: 5, endLine: 5, endColumn: 16, message: 'drops some capabilities but not ALL' }],
    },
  ],
});
