import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import curlPipe from './curl-piped-to-shell.js';
import sudo from './sudo-in-run.js';
import writable from './world-writable-permissions.js';
import pipefail from './pipe-without-pipefail.js';
import buildTools from './build-tools-in-final-image.js';

const run = createRuleTester({ describe, it, expect });

// DF-007
run(curlPipe, {
  valid: ['FROM debian:12\nRUN curl -fsSL https://x/key | gpg --dearmor > /k\nRUN echo "curl x | sh"\n'],
  invalid: [
    { code: 'FROM debian:12\nRUN set -e; \\\n  curl -fsSL https://x/i.sh \\\n  | sudo bash -s -- --yes\n', errors: [{ line: 3, column: 3, endLine: 4, endColumn: 26, message: 'piped into bash' }] },
    { name: 'heredoc RUN', code: 'FROM debian:12\nRUN <<EOF\nwget -qO- https://x/i.sh | sh\nEOF\n', errors: [{ line: 3, column: 1, endColumn: 30 }] },
    { name: 'exec form with sh -c', code: 'FROM debian:12\nRUN ["/bin/sh", "-c", "curl https://x | sh"]\n', errors: [{ line: 2, column: 24 }] },
  ],
});

// DF-008
run(sudo, {
  valid: ['FROM debian:12\nRUN echo sudo && apt-get install -y sudox\n'],
  invalid: [{ code: 'FROM debian:12\nRUN apt-get update && \\\n    sudo -u app make\n', errors: [{ line: 3, column: 5, endLine: 3, endColumn: 9 }] }],
});

// DF-009
run(writable, {
  valid: ['FROM debian:12\nRUN chmod 755 /a && chmod 1777 /tmp/x && chmod o-w /b && chmod u+w /c\nCOPY --chmod=644 a /a\n'],
  invalid: [
    {
      code: 'FROM debian:12\nRUN chmod -R 0777 /data && chmod a+rw /x\nCOPY --chmod=666 a /a\n',
      errors: [{ line: 3, column: 6, endColumn: 17 }, { line: 2, column: 14, endColumn: 18 }, { line: 2, column: 34, endColumn: 38 }],
    },
  ],
});

// DF-027
run(pipefail, {
  valid: [
    'FROM debian:12\nRUN set -euxo pipefail; curl x | tar xz\n',
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl x | tar xz\n',
    { name: 'PowerShell is not sh', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-Item x | Remove-Item\n' },
  ],
  invalid: [{ code: 'FROM debian:12\nRUN set -eux; curl -fsSL x | tar -xz -C /opt\n', errors: [{ line: 2, column: 15, endColumn: 45 }] }],
});

// DF-029
run(buildTools, {
  valid: [
    'FROM debian:12\nRUN savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends gcc; make; apt-mark auto \'.*\' > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove\n',
    'FROM debian:12\nRUN apt-get install -y --no-install-recommends git && git clone x && apt-get purge -y git\n',
  ],
  invalid: [{ code: 'FROM alpine:3.20\nRUN apk add --no-cache ca-certificates\nRUN apk add --no-cache git=2.45.2-r0 gcc\n', errors: [{ line: 3, column: 5, endColumn: 12, message: 'git, gcc' }] }],
});
