import { describe, expect, it } from 'vitest';
import { createRuleTester, lint } from '../../testing/index.js';
import credentialFile from './credential-file.js';
import setuidSetgidFile from './setuid-setgid-file.js';
import worldWritablePath from './world-writable-path.js';
import packageManagerCache from './package-manager-cache.js';
import sudoPresent from './sudo-present.js';
import unneededFiles from './unneeded-files.js';

const run = createRuleTester({ describe, it, expect });
const L1 = 'sha256:1111111111111111111111111111111111111111111111111111111111111111';
const L2 = 'sha256:2222222222222222222222222222222222222222222222222222222222222222';

type F = { path: string; type?: string; mode?: string; size?: number; layer?: string; removed?: string; linkname?: string };
/** An image view with one file per line, starting on line 4. */
const files = (...list: F[]) => `{
  "reference": "registry.example/app:1",
  "config": {"config": {"User": "app"}},
  "files": [
${list.map((f) => `    ${JSON.stringify({ type: 'file', mode: '0644', uid: 0, gid: 0, size: 10, layer: L1, ...f })}`).join(',\n')}
  ]
}
`;

// IMG-003
run(credentialFile, {
  valid: [
    files({ path: '/etc/ssl/certs/ca-certificates.crt' }, { path: '/root/.ssh/known_hosts' }, { path: '/usr/share/doc/openssl/test.key' }, { path: '/home/app/.ssh/id_rsa.pub' }),
  ],
  invalid: [
    {
      name: 'added, then deleted by a later layer: still leaked',
      code: files({ path: '/bin/sh' }, { path: '/app/id_rsa', mode: '0600', removed: 'deleted' }),
      errors: [{ line: 6, column: 5, endLine: 6, endColumn: 183, message: /\/app\/id_rsa \(layer sha256:1111.*deleted by a later layer/ }],
    },
    {
      name: 'dockle scratch image credentials.json and cloud credentials',
      code: files({ path: '/credentials.json', layer: L2 }, { path: '/root/.aws/credentials' }, { path: '/srv/tls/server.key' }),
      errors: [{ line: 5, column: 5 }, { line: 6, column: 5 }, { line: 7, column: 5 }],
    },
  ],
});

// IMG-004
run(setuidSetgidFile, {
  valid: [files({ path: '/usr/bin/passwd', mode: '0755' }, { path: '/app/once', mode: '4755', removed: 'replaced' })],
  invalid: [
    {
      code: files({ path: '/bin/su', mode: '4755' }, { path: '/bin/ls', mode: '0755' }, { path: '/usr/bin/wall', mode: '2755' }),
      errors: [
        { line: 5, column: 5, message: '/bin/su (layer sha256:111111111111) is setuid (mode 4755' },
        { line: 7, column: 5, message: 'is setgid' },
      ],
    },
  ],
});

// IMG-005
run(worldWritablePath, {
  valid: [files({ path: '/tmp', type: 'dir', mode: '1777', size: 0 }, { path: '/bin/sh', type: 'symlink', mode: '0777', linkname: 'busybox' }, { path: '/dev/null', type: 'char', mode: '0666' })],
  invalid: [
    {
      code: files({ path: '/app', type: 'dir', mode: '0777', size: 0 }, { path: '/app/data.txt', mode: '0666' }, { path: '/old', mode: '0666', removed: 'deleted' }),
      errors: [
        { line: 5, column: 5, message: 'Directory /app' },
        { line: 6, column: 5, message: 'File /app/data.txt' },
      ],
    },
  ],
});

// IMG-006
run(packageManagerCache, {
  valid: [files({ path: '/var/lib/apt/lists/lock', size: 0 }, { path: '/var/lib/apt/lists/partial', type: 'dir', size: 0 }, { path: '/var/cache/apk/APKINDEX.tar.gz', removed: 'deleted' })],
  invalid: [
    {
      name: 'one finding per cache, at its first file',
      code: files(
        { path: '/var/cache/apk/APKINDEX.1.tar.gz', size: 100 },
        { path: '/var/cache/apk/APKINDEX.2.tar.gz', size: 200 },
        { path: '/root/.cache/pip/http/a/b', size: 5 },
      ),
      errors: [
        { line: 5, column: 5, message: 'apk cache is left in the image: 2 file(s), 300 bytes' },
        { line: 7, column: 5, message: 'pip cache' },
      ],
    },
  ],
});

// IMG-007
run(sudoPresent, {
  valid: [files({ path: '/usr/bin/su' }, { path: '/usr/bin/sudo', removed: 'deleted' }, { path: '/usr/share/doc/sudo/README' })],
  invalid: [{ code: files({ path: '/etc/sudoers' }, { path: '/usr/bin/sudo', mode: '4755' }), errors: [{ line: 6, column: 5, message: '/usr/bin/sudo' }] }],
});

// IMG-018
run(unneededFiles, {
  valid: [files({ path: '/app/.gitignore' }, { path: '/app/.git', type: 'dir', removed: 'deleted' }, { path: '/usr/bin/git' })],
  invalid: [
    {
      name: 'one finding per repository, plus stray files',
      code: files({ path: '/src/.git', type: 'dir', size: 0 }, { path: '/src/.git/config' }, { path: '/src/.git/objects', type: 'dir', size: 0 }, { path: '/www/.DS_Store' }),
      errors: [
        { line: 5, column: 5, message: '/src/.git (layer sha256:111111111111) is not needed at run time and may expose source history' },
        { line: 8, column: 5, message: '/www/.DS_Store' },
      ],
    },
  ],
});

describe('file findings carry the layer and the path inside the image', () => {
  it('properties name the layer and path', () => {
    const found = lint(credentialFile, files({ path: '/app/.git-credentials', layer: L2, removed: 'replaced' }));
    expect(found).toHaveLength(1);
    expect(found[0]!.properties).toEqual({ layer: L2, pathInImage: '/app/.git-credentials', removed: 'replaced' });
  });
});
