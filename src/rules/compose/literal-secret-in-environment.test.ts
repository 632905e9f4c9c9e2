import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import { lint } from '../../testing/index.js';
import rule from './literal-secret-in-environment.js';

const run = createRuleTester({ describe, it, expect });

run(rule, {
  valid: [
    'services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD}\n      - POSTGRES_PASSWORD_FILE=/run/secrets/pw\n      - POSTGRES_USER=app\n      - API_TOKEN\n      - MYSQL_RANDOM_ROOT_PASSWORD=yes\n',
    { name: 'interpolated with a default is still not a literal', code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      SECRET_KEY: ${SECRET_KEY:-dev-only}\n' },
    { name: 'escaped dollars are literal text but the name is not a secret', code: 'services:\n  app:\n    image: x:1\n    environment:\n      PRICE: "$$5"\n' },
  ],
  invalid: [
    {
      name: 'list form: by name, without printing the value',
      code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD=mysecretpassword\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 43, message: 'POSTGRES_PASSWORD to a literal secret ("myse…" of 16 characters' }],
    },
    {
      name: 'map form, and value shapes whatever the name',
      code: 'services:\n  app:\n    image: x:1\n    environment:\n      SA_PASSWORD: example_123\n      DATABASE_URL: mysql://root:whalehello@db:3306/mysql\n      UPLOAD_ID: AKIAIOSFODNN7EXAMPLE\n',
      errors: [
        { line: 5, column: 7, endLine: 5, endColumn: 31, message: 'its name says it is a secret' },
        { line: 6, column: 7, message: 'the value looks like a URL with an embedded password' },
        { line: 7, column: 7, message: 'the value looks like an AWS access key id' },
      ],
    },
    {
      name: 'build arguments',
      code: 'services:\n  app:\n    build:\n      context: .\n      args:\n        - NPM_TOKEN=npm_abcdefghijklmnop\n        - NODE_ENV=production\n',
      errors: [{ line: 6, column: 11, endLine: 6, endColumn: 41, message: 'sets build argument NPM_TOKEN to a literal secret' }],
    },
    {
      name: 'escaped dollars are literal',
      code: 'services:\n  app:\n    image: x:1\n    environment:\n      ADMIN_PASSWORD: "pa$$word"\n',
      errors: [{ line: 5, column: 7 }],
    },
  ],
});

describe('DC-015 never prints the secret', () => {
  it('keeps the value out of the message and properties', () => {
    const found = lint(rule, 'services:\n  app:\n    image: x:1\n    environment:\n      GITHUB_TOKEN: ghp_abcdefghijklmnopqrstuvwxyz0123456789AB\n');
    expect(found).toHaveLength(1);
    expect(JSON.stringify(found[0])).not.toContain('abcdefghijklmnop');
    expect(found[0]!.properties).toEqual({ variable: 'GITHUB_TOKEN', secretType: 'GitHub token' });
  });
});
