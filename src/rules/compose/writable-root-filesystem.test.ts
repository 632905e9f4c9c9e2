import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './writable-root-filesystem.js';

const run = createRuleTester({ describe, it, expect });

run(rule, {
  valid: [
    { name: 'an override fragment without image or build', filename: 'docker-compose.override.yml', code: 'services:\n  app:\n    ports: ["127.0.0.1:8080:80"]\n' },
    'services:\n  web:\n    image: nginx:1.27\n    read_only: true\n',
    { name: 'a default of true', code: 'services:\n  web:\n    image: nginx:1.27\n    read_only: ${RO:-true}\n' },
    { name: 'a variable without a default', code: 'services:\n  web:\n    image: nginx:1.27\n    read_only: ${RO}\n' },
  ],
  invalid: [
    {
      name: 'absent: points at the service name',
      code: 'services:\n  web:\n    image: nginx:1.27\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'does not set read_only: true' }],
    },
    {
      name: 'false: points at the key',
      code: 'services:\n  web:\n    image: nginx:1.27\n    read_only: false\n',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 21, message: 'sets read_only to false' }],
    },
    {
      name: 'an override fragment that sets it false still fires',
      filename: 'compose.dev.yaml',
      code: 'services:\n  web:\n    read_only: false\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 21 }],
    },
    {
      name: 'quoted service names keep their quotes in the range',
      code: 'services:\n  "my:web":\n    image: nginx:1.27\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 11 }],
    },
  ],
});
