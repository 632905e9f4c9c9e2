import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import addCopy from './add-instead-of-copy.js';
import addRemote from './add-remote-without-checksum.js';
import credential from './copy-credential-file.js';
import fromStage from './copy-from-unknown-stage.js';

const run = createRuleTester({ describe, it, expect });

// DF-005
run(addCopy, {
  valid: ['FROM alpine:3.20\nADD rootfs.tar.xz /\nADD https://example.com/a /a\nCOPY a /a\n'],
  invalid: [{ code: 'FROM alpine:3.20\nADD ["app.jar", "/app/"]\n', errors: [{ line: 2, column: 1, endColumn: 25, message: '"app.jar"' }] }],
});

// DF-006
run(addRemote, {
  valid: ['FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a /a\n'],
  invalid: [{ code: 'FROM alpine:3.20\nADD --chown=1:1 http://example.com/t.tgz /opt/\n', errors: [{ line: 2, column: 17, endColumn: 41 }] }],
});

// DF-011
run(credential, {
  valid: ['FROM node:22\nCOPY .env.example package.json /app/\nCOPY --from=build /src/.npmrc /x\nCOPY id_rsa.pub /k\n'],
  invalid: [
    {
      code: 'FROM node:22\nCOPY --chown=node .env certs/server.pem /app/\nADD Dockerfile.base /credentials.json\n',
      errors: [
        { line: 2, column: 19, endColumn: 23, message: 'an environment file' },
        { line: 2, column: 24, endColumn: 40, message: 'a key or certificate bundle' },
        { line: 3, column: 21, endColumn: 38, message: 'destination' },
      ],
    },
  ],
});

// DF-028
run(fromStage, {
  valid: ['FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /a /a\nCOPY --from=0 /b /b\nCOPY --from=nginx:1.27 /c /c\n'],
  invalid: [
    {
      code: 'FROM golang:1.23 AS build\nCOPY --from=build /a /a\nFROM alpine:3.20\nCOPY --from=builder /a /a\nCOPY --from=1 /b /b\nCOPY --from=later /c /c\nFROM alpine:3.20 AS later\n',
      errors: [
        { line: 2, column: 6, endColumn: 18, message: 'the stage it is in' },
        { line: 4, column: 6, endColumn: 20, message: 'pulled as the image "builder:latest"' },
        { line: 5, column: 6, endColumn: 14, message: 'the stage it is in' },
        { line: 6, column: 6, endColumn: 18, message: 'defined later' },
      ],
    },
  ],
});
