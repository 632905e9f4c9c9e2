import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import addInHistory from './add-in-history.js';
import updateAlone from './update-alone.js';
import aptListsKept from './apt-lists-kept.js';
import apkAddCache from './apk-add-cache.js';
import distUpgrade from './dist-upgrade.js';
import sudoPresent from './sudo-present.js';

const run = createRuleTester({ describe, it, expect });

/** A bare image configuration (as dockle's fixtures store it) with one history entry per line. */
const history = (...steps: string[]) =>
  `{
  "config": {"User": "app"},
  "history": [
${steps.map((s) => `    {"created_by": ${JSON.stringify(s)}}`).join(',\n')}
  ]
}
`;

// IMG-010
run(addInHistory, {
  valid: [
    history('/bin/sh -c #(nop) ADD file:abc in / ', '/bin/sh -c #(nop)  CMD ["sh"]'),
    history('/bin/sh -c #(nop) ADD file:abc in / ', 'COPY app /app # buildkit', 'RUN /bin/sh -c echo ADD # buildkit'),
  ],
  invalid: [
    {
      name: 'a later ADD, classic and BuildKit spellings',
      code: history('/bin/sh -c #(nop) ADD file:abc in / ', '/bin/sh -c #(nop) ADD file:def in /app/credential.json', 'ADD https://example.com/x.tgz /opt/ # buildkit'),
      errors: [
        { line: 5, column: 6, endLine: 5, endColumn: 76, message: 'History step 2 uses ADD' },
        { line: 6, column: 6, message: 'History step 3' },
      ],
    },
  ],
});

// IMG-011
run(updateAlone, {
  valid: [history('/bin/sh -c apt-get update && apt-get install -y curl'), history('/bin/sh -c apt-get update -y && apt-get upgrade -y')],
  invalid: [
    { code: history('/bin/sh -c #(nop)  ENV A=1', '/bin/sh -c apt-get update'), errors: [{ line: 5, column: 6, message: 'only updates the package index' }] },
    { name: 'apk update alone', code: history('RUN /bin/sh -c apk update # buildkit'), errors: [{ line: 4, column: 6 }] },
  ],
});

// IMG-012
run(aptListsKept, {
  valid: [history('/bin/sh -c apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*'), history('/bin/sh -c apk add --no-cache git')],
  invalid: [{ code: history('/bin/sh -c apt-get update -y && apt-get upgrade -y && echo "hello"'), errors: [{ line: 4, column: 6, message: 'does not remove /var/lib/apt/lists' }] }],
});

// IMG-013
run(apkAddCache, {
  valid: [history('/bin/sh -c apk add --no-cache curl'), history('/bin/sh -c apk add curl && rm -rf /var/cache/apk/*')],
  invalid: [{ code: history('/bin/sh -c apk update', '/bin/sh -c apk add wget curl'), errors: [{ line: 5, column: 6, message: 'without --no-cache' }] }],
});

// IMG-014
run(distUpgrade, {
  valid: [history('/bin/sh -c apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*')],
  invalid: [{ code: history('/bin/sh -c apt-get update && apt-get dist-upgrade -y'), errors: [{ line: 4, column: 6, message: 'dist-upgrade' }] }],
});

// IMG-007 (history side; the file side is in file-rules.test.ts)
run(sudoPresent, {
  valid: [history('/bin/sh -c echo sudo', '/bin/sh -c apt-get install -y visudo-doc')],
  invalid: [{ name: 'sudo used in a build step', code: history('/bin/sh -c sudo apt-get install -y git'), errors: [{ line: 4, column: 6, message: 'runs sudo' }] }],
});
