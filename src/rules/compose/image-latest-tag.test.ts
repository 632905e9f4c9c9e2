import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import rule from './image-latest-tag.js';

const run = createRuleTester({ describe, it, expect });

run(rule, {
  valid: [
    'services:\n  a:\n    image: redis:7.4\n  b:\n    image: registry.example.com:5000/team/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n  c:\n    build: ./c\n',
    { name: 'a variable without a default', code: 'services:\n  a:\n    image: ${IMAGE}\n' },
    { name: 'built, with pull_policy: build', code: 'services:\n  a:\n    image: app\n    build: .\n    pull_policy: build\n' },
  ],
  invalid: [
    {
      name: 'untagged, latest, a registry port is not a tag',
      code: 'services:\n  a:\n    image: redis\n  b:\n    image: redis:latest\n  c:\n    image: localhost:5000/app\n',
      errors: [
        { line: 3, column: 5, endLine: 3, endColumn: 17, message: 'uses image redis without a tag' },
        { line: 5, column: 5, message: 'latest changes at every release' },
        { line: 7, column: 5, message: 'localhost:5000/app without a tag' },
      ],
    },
    {
      name: 'a default from interpolation',
      code: 'services:\n  a:\n    image: ${IMAGE:-nginx}\n',
      errors: [{ line: 3, column: 5, message: 'with no variable set' }],
    },
    {
      name: 'built images are pulled first without pull_policy',
      code: 'services:\n  a:\n    image: etl-kafka\n    build: .\n',
      errors: [{ line: 3, column: 5, message: 'tries to pull it from the registry before building' }],
    },
  ],
});
