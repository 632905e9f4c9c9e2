import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildZip } from '../../vuln/db/zip.js';
import { main } from '../main.js';
import type { CliIO } from '../io.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'drydock-db-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    isTTY: false,
    isErrTTY: false,
    env,
    cwd: tmp,
    readStdin: async () => '',
    setExitCode: () => undefined,
  };
  const code = await main(['node', 'drydock', ...args], io);
  return { code, stdout, stderr };
}

const record = (id: string, name: string) =>
  JSON.stringify({ id, modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '2.0.0' }] }] }] });

describe('drydock db', () => {
  it('status without a database says how to get one and fails', async () => {
    const r = await run(['db', 'status'], { XDG_CACHE_HOME: path.join(tmp, 'empty') });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(path.join(tmp, 'empty', 'drydock', 'db', 'vulns.db'));
    expect(r.stderr).toContain('drydock db update');
  });

  it('imports a directory and reports status as text and JSON', async () => {
    const src = path.join(tmp, 'osv');
    mkdirSync(src);
    writeFileSync(path.join(src, 'a.json'), record('GHSA-aaaa-bbbb-cccc', 'left-pad'));
    writeFileSync(path.join(src, 'b.json'), '{"broken": ');
    const cache = path.join(tmp, 'cache1');
    const imp = await run(['db', 'import', src, '--cache-dir', cache]);
    expect(imp.code).toBe(0);
    expect(imp.stdout).toMatch(/^imported 1 advisories into .*vulns\.db \(1 malformed skipped, 0 withdrawn, 0 duplicates\)/);
    expect(imp.stderr).toContain('b.json: invalid JSON');
    const st = await run(['db', 'status', '--cache-dir', cache]);
    expect(st.code).toBe(0);
    expect(st.stdout).toMatch(/advisories: 1\n/);
    expect(st.stdout).toMatch(/import\s+1 records\s+1 skipped/);
    const js = JSON.parse((await run(['db', 'status', '--cache-dir', cache, '--format', 'json'])).stdout);
    expect(js).toMatchObject({ advisories: 1, affected: 1, sources: [{ name: 'import', records: 1, skipped: 1 }] });
  });

  it('updates from a mirror and fails cleanly, keeping the database, when the mirror breaks', async () => {
    let body = buildZip([{ name: 'GHSA-1.json', data: record('GHSA-1111-2222-3333', 'lodash') }]);
    const server = createServer((req, res) => {
      if (req.url === '/npm/all.zip') res.writeHead(200, { 'content-length': String(body.length) }).end(body);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const cache = path.join(tmp, 'cache2');
      const up = await run(['db', 'update', '--ecosystems', 'npm', '--base-url', base, '--cache-dir', cache]);
      expect(up.code).toBe(0);
      expect(up.stdout).toContain('imported 1 advisories');
      body = Buffer.from('garbage');
      const bad = await run(['db', 'update', '--ecosystems', 'npm', '--base-url', base, '--cache-dir', cache]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('db update failed, the previous database is unchanged');
      expect((await run(['db', 'status', '--cache-dir', cache])).stdout).toMatch(/advisories: 1\n/);
      expect((await run(['db', 'update', '--base-url', 'ftp://x', '--cache-dir', cache])).code).toBe(2);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
