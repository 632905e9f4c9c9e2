import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import { parseAccounts } from '../../parsers/image/accounts.js';
import emptyPassword from './empty-password.js';
import duplicateAccountId from './duplicate-account-id.js';

const run = createRuleTester({ describe, it, expect });
const L = 'sha256:1111111111111111111111111111111111111111111111111111111111111111';

/** An image view whose accounts come from real file text, one entry per line from line 5. */
function view(files: { passwd?: string; shadow?: string; group?: string }): string {
  const accounts = [
    ...parseAccounts('passwd', files.passwd ?? '', L),
    ...parseAccounts('shadow', files.shadow ?? '', L),
    ...parseAccounts('group', files.group ?? '', L),
  ];
  return `{
  "reference": "app:1",
  "config": {},
  "files": [],
  "accounts": [
${accounts.map((a) => `    ${JSON.stringify(a)}`).join(',\n')}
  ]
}
`;
}

// IMG-016
run(emptyPassword, {
  valid: [view({ shadow: 'root:*:19000:0:99999:7:::\nnobody:!:19000::::::\napp:$6$salt$hash:19000:0:99999:7:::\n' })],
  invalid: [
    {
      name: 'Alpine CVE-2019-5021: root with an empty password',
      code: view({ shadow: 'root::0:::::\nbin:!::0:::::\nnopasswd::19000:0:99999:7:::\n' }),
      errors: [
        { line: 6, column: 5, message: 'Account "root" has an empty password (/etc/shadow line 1)' },
        { line: 8, column: 5, message: '"nopasswd"' },
      ],
    },
  ],
});

// IMG-017
run(duplicateAccountId, {
  valid: [view({ passwd: 'root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/app:/bin/false\n', group: 'root:x:0:\napp:x:1000:\n' })],
  invalid: [
    {
      code: view({ passwd: 'root:x:0:0::/root:/bin/sh\ntoor:x:0:0::/root:/bin/sh\n', group: 'root:x:0:\nwheel:x:10:\nadmins:x:10:\n' }),
      errors: [
        { line: 7, column: 5, message: 'Account "toor" has UID 0, already used by "root" (/etc/passwd lines 1 and 2)' },
        { line: 10, column: 5, message: 'Group "admins" has GID 10' },
      ],
    },
  ],
});

describe('parseAccounts', () => {
  it('skips comments, NIS lines and malformed entries', () => {
    expect(parseAccounts('passwd', '# c\n+::::::\nbad\nx:x:abc:0::/:/bin/sh\nok:x:5:5::/:/bin/sh\n', L).map((a) => a.name)).toEqual(['ok']);
  });
});
