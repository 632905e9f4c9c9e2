import { describe, expect, it } from 'vitest';
import { createRuleTester, lint } from '../../testing/index.js';
import secret from './secret-in-env-or-arg.js';

const run = createRuleTester({ describe, it, expect });

// DF-010
run(secret, {
  valid: [
    'FROM alpine:3.20\nENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305 PASSWORD_FILE=/run/secrets/pw\nARG TOKEN_NAME=ci\nENV DB_PASSWORD=\n',
    { name: 'public keys and versions are not secrets', code: 'FROM alpine:3.20\nENV NODE_VERSION 22.1.0\n' },
    { name: 'names that point at a secret service are not secrets', code: 'FROM alpine:3.20\nENV TOKEN_URL=https://auth.example.com/token VAULT_SECRET_PATH=kv/app\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nARG NPM_TOKEN\nENV DB_PASSWORD="s3cr3t-value" \\\n    KEY_ID=AKIAIOSFODNN7EXAMPLE\nENV API_KEY ${NPM_TOKEN}\n',
      errors: [
        { line: 2, column: 5, endColumn: 14, message: 'ARG NPM_TOKEN looks like a secret' },
        { line: 3, column: 17, endColumn: 31, message: '"s3cr…" (12 characters)' },
        { line: 4, column: 12, endColumn: 32, message: 'an AWS access key id' },
        { line: 5, column: 13, endColumn: 25, message: 'ENV API_KEY' },
      ],
    },
  ],
});

describe('secret values are never printed', () => {
  it('shows only a prefix and the length', () => {
    const value = 'ghp_0123456789abcdefghijABCDEFGHIJ0123456789';
    const [f] = lint(secret, `FROM alpine:3.20\nENV CONFIG=${value}\n`);
    expect(f!.message).toContain('a GitHub token');
    expect(f!.message).not.toContain(value.slice(4));
    expect(JSON.stringify(f)).not.toContain(value.slice(4));
  });
});
