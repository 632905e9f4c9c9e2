import { describe, expect, it } from 'vitest';
import { createRuleTester, lint } from '../../testing/index.js';
import root from './final-stage-runs-as-root.js';
import expose from './expose-ssh-port.js';
import workdir from './relative-workdir.js';
import multiple from './multiple-cmd-or-entrypoint.js';
import shellForm from './shell-form-entrypoint.js';
import healthcheck from './missing-healthcheck.js';
import maintainer from './maintainer-deprecated.js';

const run = createRuleTester({ describe, it, expect });

// DF-001
run(root, {
  valid: [
    'FROM debian:12\nUSER 10001\n',
    { name: 'USER in a base stage is inherited', code: 'FROM debian:12 AS base\nUSER app\nFROM base\nRUN true\n' },
    { name: 'only the final stage counts', code: 'FROM debian:12 AS build\nRUN make\nFROM gcr.io/distroless/static:nonroot\nUSER nonroot:nonroot\n' },
  ],
  invalid: [
    { name: 'no USER points at the final FROM', code: 'FROM golang:1.23 AS build\nUSER app\nFROM alpine:3.20\nRUN true\n', errors: [{ line: 3, column: 1, endLine: 3, endColumn: 17, container: 'stage 1', message: 'sets no USER' }] },
    { name: 'USER 0 last', code: 'FROM debian:12\nUSER app\nUSER 0:0\n', errors: [{ line: 3, column: 6, endColumn: 9, message: 'USER 0:0' }] },
    { name: 'USER from an ENV', code: 'FROM debian:12\nENV U=root\nUSER $U\n', errors: [{ line: 3, column: 6, message: 'USER root' }] },
  ],
});

// DF-023
run(expose, {
  valid: ['FROM alpine:3.20\nEXPOSE 2222 8080/tcp 22/udp\n'],
  invalid: [{ code: 'FROM alpine:3.20\nEXPOSE 80 22/tcp\nEXPOSE 20-25\n', errors: [{ line: 2, column: 11, endColumn: 17 }, { line: 3, column: 8, endColumn: 13 }] }],
});

// DF-024
run(workdir, {
  valid: ['FROM alpine:3.20\nWORKDIR /app\nWORKDIR $HOME/x\n', { name: 'Windows paths', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n' }],
  invalid: [{ code: 'FROM alpine:3.20\nWORKDIR /app\nWORKDIR src\n', errors: [{ line: 3, column: 9, endColumn: 12, message: 'WORKDIR src' }] }],
});

// DF-025
run(multiple, {
  valid: ['FROM alpine:3.20 AS a\nCMD ["a"]\nFROM alpine:3.20\nCMD ["b"]\n'],
  invalid: [
    {
      code: 'FROM alpine:3.20\nENTRYPOINT ["a"]\nCMD x\nENTRYPOINT ["b"]\nCMD y\n',
      errors: [{ line: 3, column: 1, endColumn: 6, message: 'line 5' }, { line: 2, column: 1, endColumn: 17, message: 'line 4' }],
    },
  ],
});

// DF-026
run(shellForm, {
  valid: ['FROM alpine:3.20\nENTRYPOINT ["/app"]\nCMD /app --help\n'],
  invalid: [{ code: 'FROM alpine:3.20\nENTRYPOINT exec /app \\\n  --flag\n', errors: [{ line: 2, column: 1, endLine: 2, endColumn: 23 }] }],
});

// DF-030
run(healthcheck, {
  valid: ['FROM alpine:3.20\nHEALTHCHECK NONE\n', { name: 'inherited from the base stage', code: 'FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\nFROM base\n' }],
  invalid: [{ code: 'FROM alpine:3.20 AS a\nHEALTHCHECK CMD true\nFROM alpine:3.20\n', errors: [{ line: 3, column: 1, endColumn: 17 }] }],
});

// DF-031
run(maintainer, {
  valid: ['FROM alpine:3.20\nLABEL maintainer=x\n'],
  invalid: [{ code: 'FROM alpine:3.20\nmaintainer me\n', errors: [{ line: 2, column: 1, endColumn: 14 }] }],
});

describe('inline suppression in Dockerfiles', () => {
  it('a comment line above the instruction suppresses by id or alias', () => {
    const found = lint(maintainer, 'FROM alpine:3.20\n# drydock:ignore DL4000 kept for an old registry\nMAINTAINER me\n');
    expect(found).toHaveLength(1);
    expect(found[0]!.suppressed).toMatchObject({ kind: 'inline', reason: 'kept for an old registry' });
  });
});
