import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './no-pids-limit.js';

const run = createRuleTester({ describe, it, expect });

run(rule, {
  valid: [
    { name: 'an override fragment without image or build', filename: 'docker-compose.override.yml', code: 'services:\n  app:\n    ports: ["127.0.0.1:8080:80"]\n' },
    'services:\n  app:\n    image: x:1\n    deploy:\n      resources:\n        limits:\n          pids: 100\n',
    { name: 'a variable decides it', code: 'services:\n  app:\n    image: x:1\n    deploy:\n      resources:\n        limits:\n          pids: ${LIMIT}\n' },
    { name: 'inherited through extends', code: 'services:\n  base:\n    image: x:1\n    deploy: {resources: {limits: {pids: 100}}}\n  app:\n    extends: base\n' },
  ],
  invalid: [
    {
      name: 'absent: points at the service name',
      code: 'services:\n  app:\n    image: x:1\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 6, message: 'sets no process (pids) limit' }],
    },
    {
      name: 'a value meaning unlimited: points at it',
      code: 'services:\n  app:\n    image: x:1\n    pids_limit: -1\n',
      errors: [{ line: 4, column: 5, message: 'which means no process (pids) limit' }],
    },
  ],
});
