import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './runs-as-root.js';

const run = createRuleTester({ describe, it, expect });

run(rule, {
  valid: [
    { name: 'an override fragment without image or build', filename: 'docker-compose.override.yml', code: 'services:\n  app:\n    ports: ["127.0.0.1:8080:80"]\n' },
    'services:\n  app:\n    image: x:1\n    user: "1000:1000"\n',
    { name: 'a named user', code: 'services:\n  app:\n    image: x:1\n    user: postgres\n' },
    { name: 'a variable without a default', code: 'services:\n  app:\n    image: x:1\n    user: ${UID}\n' },
    { name: 'a variable with a non-root default', code: 'services:\n  app:\n    image: x:1\n    user: "${UID:-1000}:${GID:-1000}"\n' },
  ],
  invalid: [
    {
      name: 'unset: points at the service name',
      code: 'services:\n  app:\n    image: x:1\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'does not set user' }],
    },
    {
      name: 'root by name or id',
      code: 'services:\n  a:\n    image: x:1\n    user: root\n  b:\n    image: x:1\n    user: "0:0"\n',
      errors: [
        { line: 4, column: 5, endLine: 4, endColumn: 15, message: 'sets user: root' },
        { line: 7, column: 5, message: 'sets user: 0:0' },
      ],
    },
    {
      name: 'a default of 0',
      code: 'services:\n  app:\n    image: x:1\n    user: ${UID:-0}\n',
      errors: [{ line: 4, column: 5, message: 'which is 0 when the variable is unset' }],
    },
  ],
});
