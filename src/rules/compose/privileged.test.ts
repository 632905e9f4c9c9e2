import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import { lint } from '../../testing/index.js';
import rule from './privileged.js';

const run = createRuleTester({ describe, it, expect });

run(rule, {
  valid: [
    'services:\n  app:\n    image: alpine:3.20\n    privileged: false\n',
    { name: 'a variable defaulting to false', code: 'services:\n  app:\n    image: alpine:3.20\n    privileged: ${PRIV:-false}\n' },
  ],
  invalid: [
    {
      name: 'points at the key',
      code: 'services:\n  app:\n    image: alpine:3.20\n    privileged: true\n',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 21, message: 'Service "app" runs privileged' }],
    },
    {
      name: 'a variable defaulting to true',
      code: 'services:\n  app:\n    image: alpine:3.20\n    privileged: "${PRIV:-true}"\n',
      errors: [{ line: 4, column: 5 }],
    },
    {
      name: 'through a merge key, points at the merge key',
      code: 'x-base: &base\n  privileged: true\nservices:\n  app:\n    image: alpine:3.20\n    <<: *base\n',
      errors: [{ line: 6, column: 5, endLine: 6, endColumn: 14 }],
    },
  ],
});

describe('DC-001 suppression', () => {
  it('an inline comment on the key suppresses with its reason', () => {
    const found = lint(rule, 'services:\n  app:\n    image: alpine:3.20\n    privileged: true # drydock:ignore DC-001 needs /dev access for tests\n');
    expect(found).toHaveLength(1);
    expect(found[0]!.suppressed).toMatchObject({ kind: 'inline', reason: 'needs /dev access for tests' });
  });
  it('a comment on the service line covers the whole service', () => {
    const found = lint(rule, 'services:\n  app: # drydock:ignore DC-001 lab only\n    image: alpine:3.20\n    privileged: true\n');
    expect(found[0]!.suppressed).toMatchObject({ kind: 'inline', reason: 'lab only' });
  });
});
