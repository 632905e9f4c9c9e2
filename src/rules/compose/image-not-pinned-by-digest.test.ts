import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './image-not-pinned-by-digest.js';

const run = createRuleTester({ describe, it, expect });

run(rule, {
  valid: [
    'services:\n  a:\n    image: redis:7.4@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
    { name: 'untagged and latest are DC-019', code: 'services:\n  a:\n    image: redis\n  b:\n    image: redis:latest\n' },
    { name: 'built images', code: 'services:\n  a:\n    image: app:1\n    build: .\n' },
  ],
  invalid: [
    {
      name: 'tag only',
      code: 'services:\n  a:\n    image: redis:7.4\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 21, message: 'uses image redis:7.4 by tag only' }],
    },
  ],
});
