import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Package } from '../../model/index.js';
import { matchVulnerabilities } from '../match.js';
import { dbPath } from './paths.js';
import Database from 'better-sqlite3';
import { importDirectory, importZip, type ImportStats } from './import.js';
import { DatabaseBuilder, heldShards, memoryShardPrefix, VulnDatabase } from './store.js';
import { importDatabase, updateDatabase } from './update.js';
import { buildZip, isUnsafeEntryName, ZipError, ZipReader } from './zip.js';

const here = dirname(fileURLToPath(import.meta.url));

function rec(id: string, eco: string, name: string, fixed: string, extra: Record<string, unknown> = {}) {
  return {
    schema_version: '1.6.0',
    id,
    modified: '2024-05-01T00:00:00Z',
    summary: `${name} flaw ${id}`,
    affected: [{ package: { ecosystem: eco, name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] }],
    ...extra,
  };
}

function osvZip(records: object[], extra: { name: string; data: string }[] = []): Buffer {
  return buildZip([...records.map((r) => ({ name: `${(r as { id: string }).id}.json`, data: JSON.stringify(r) })), ...extra]);
}

const npmPkg: Package = { name: 'lodash', version: '4.17.20', ecosystem: 'npm', purl: 'pkg:npm/lodash@4.17.20', type: 'npm', locations: [{ path: 'package-lock.json' }], foundBy: 'test' };
const pyPkg: Package = { name: 'django', version: '4.2.0', ecosystem: 'PyPI', purl: 'pkg:pypi/django@4.2.0', type: 'pypi', locations: [{ path: 'requirements.txt' }], foundBy: 'test' };

/** A loopback server for OSV export archives; tests swap what it serves. */
const files = new Map<string, { body: Buffer; headers?: Record<string, string> }>();
let server: Server;
let base: string;
let cacheDir: string;
let requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const f = files.get(decodeURIComponent(req.url ?? ''));
    if (!f) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(f.body.length), ...f.headers });
    res.end(f.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  files.clear();
  requests = [];
  cacheDir = mkdtempSync(join(tmpdir(), 'drydock-db-'));
  return () => rmSync(cacheDir, { recursive: true, force: true });
});

function serveGood(): void {
  const npm = osvZip([rec('GHSA-npm1-aaaa-bbbb', 'npm', 'lodash', '4.17.21', { aliases: ['CVE-2021-23337'] })]);
  const md5 = createHash('md5').update(npm).digest('base64');
  files.set('/npm/all.zip', { body: npm, headers: { 'x-goog-hash': `crc32c=AAAAAA==,md5=${md5}` } });
  const py = osvZip([rec('PYSEC-2024-1', 'PyPI', 'django', '4.2.1'), rec('PYSEC-2024-2', 'PyPI', 'django', '4.1.0')]);
  files.set('/PyPI/all.zip', { body: py });
  files.set('/PyPI/all.zip.sha256', { body: Buffer.from(`${createHash('sha256').update(py).digest('hex')}  all.zip\n`) });
}

describe('db update against a loopback OSV mirror', () => {
  it('downloads, verifies, imports and swaps in the database', async () => {
    serveGood();
    const res = await updateDatabase({ cacheDir, baseUrl: base, ecosystems: ['npm', 'PyPI'] });
    expect(res.stats).toMatchObject({ records: 3, skipped: 0 });
    expect(requests).toEqual(['/npm/all.zip', '/npm/all.zip.sha256', '/PyPI/all.zip', '/PyPI/all.zip.sha256']);
    const db = VulnDatabase.open(cacheDir);
    try {
      const st = db.status();
      expect(st).toMatchObject({ advisories: 3, affected: 3 });
      expect(st.sources.map((s) => [s.name, s.records])).toEqual([['npm', 1], ['PyPI', 2]]);
      expect(st.sources[0]!.origin).toBe(`${base}/npm/all.zip`);
      expect(matchVulnerabilities([npmPkg, pyPkg], { db }).map((m) => [m.primaryId, m.fixedVersion])).toEqual([
        ['CVE-2021-23337', '4.17.21'],
        ['PYSEC-2024-1', '4.2.1'],
      ]);
    } finally {
      db.close();
    }
    // Nothing temporary is left behind.
    expect(readdirSync(join(cacheDir, 'db'))).toEqual(['vulns.db']);
  });

  it('keeps readers working across a swap and updates only the named ecosystems', async () => {
    serveGood();
    await updateDatabase({ cacheDir, baseUrl: base, ecosystems: ['npm', 'PyPI'] });
    const reader = VulnDatabase.open(cacheDir);
    files.set('/npm/all.zip', { body: osvZip([rec('GHSA-npm2-aaaa-bbbb', 'npm', 'lodash', '4.18.0'), rec('GHSA-npm3-aaaa-bbbb', 'npm', 'lodash', '4.19.0')]) });
    await updateDatabase({ cacheDir, baseUrl: base, ecosystems: ['npm'] });
    try {
      // The open reader still sees the file it opened.
      expect(matchVulnerabilities([npmPkg], { db: reader }).map((m) => m.primaryId)).toEqual(['CVE-2021-23337']);
    } finally {
      reader.close();
    }
    const fresh = VulnDatabase.open(cacheDir);
    try {
      expect(matchVulnerabilities([npmPkg, pyPkg], { db: fresh }).map((m) => m.primaryId)).toEqual(['GHSA-npm2-aaaa-bbbb', 'GHSA-npm3-aaaa-bbbb', 'PYSEC-2024-1']);
      expect(fresh.status().sources.map((s) => s.name).sort()).toEqual(['PyPI', 'npm']);
    } finally {
      fresh.close();
    }
  });

  async function expectRejected(setup: () => void, message: RegExp): Promise<void> {
    serveGood();
    await updateDatabase({ cacheDir, baseUrl: base, ecosystems: ['npm', 'PyPI'] });
    const before = statSync(dbPath(cacheDir));
    const builtAt = VulnDatabase.open(cacheDir);
    const stamp = builtAt.meta('built_at');
    builtAt.close();
    setup();
    await expect(updateDatabase({ cacheDir, baseUrl: base, ecosystems: ['npm', 'PyPI'] })).rejects.toThrow(message);
    const after = statSync(dbPath(cacheDir));
    expect(after.ino).toBe(before.ino);
    const db = VulnDatabase.open(cacheDir);
    try {
      expect(db.meta('built_at')).toBe(stamp);
      expect(matchVulnerabilities([npmPkg], { db }).map((m) => m.primaryId)).toEqual(['CVE-2021-23337']);
    } finally {
      db.close();
    }
    expect(readdirSync(join(cacheDir, 'db'))).toEqual(['vulns.db']);
  }

  it('rejects a corrupt archive and keeps the old database', async () => {
    await expectRejected(() => {
      const body = Buffer.from(files.get('/PyPI/all.zip')!.body);
      body[50] = body[50]! ^ 0xff; // inside the first entry's compressed data (header 30 + name 17 bytes)
      files.set('/PyPI/all.zip', { body });
      files.delete('/PyPI/all.zip.sha256');
    }, /CRC|inflate|corrupt|bytes/i);
  });

  it('rejects a download whose published checksum does not match', async () => {
    await expectRejected(() => {
      files.set('/PyPI/all.zip.sha256', { body: Buffer.from('0'.repeat(64)) });
    }, /SHA-256/);
  });

  it('rejects an MD5 mismatch against x-goog-hash', async () => {
    await expectRejected(() => {
      const f = files.get('/npm/all.zip')!;
      files.set('/npm/all.zip', { body: f.body, headers: { 'x-goog-hash': 'md5=AAAAAAAAAAAAAAAAAAAAAA==' } });
    }, /MD5/);
  });

  it('rejects zip-slip entry names', async () => {
    await expectRejected(() => {
      files.set('/npm/all.zip', { body: osvZip([rec('GHSA-x', 'npm', 'lodash', '5.0.0')], [{ name: '../../evil.json', data: '{}' }]) });
    }, /unsafe entry name/);
  });

  it('rejects an archive that is not a ZIP and an HTTP error', async () => {
    await expectRejected(() => files.set('/npm/all.zip', { body: Buffer.from('<html>not found</html>') }), /not a ZIP/);
    await expect(updateDatabase({ cacheDir, baseUrl: base, ecosystems: ['Nope'] })).rejects.toThrow(/HTTP 404/);
  });

  it('skips and counts malformed records', async () => {
    files.set('/npm/all.zip', {
      body: osvZip([rec('GHSA-good-aaaa-bbbb', 'npm', 'lodash', '4.17.21'), rec('GHSA-gone-aaaa-bbbb', 'npm', 'lodash', '4.17.21', { withdrawn: '2024-06-01T00:00:00Z' })], [
        { name: 'broken.json', data: '{"id": "GHSA-broken", ' },
        { name: 'noid.json', data: '{"modified": "2024-01-01T00:00:00Z"}' },
        { name: 'badranges.json', data: JSON.stringify({ id: 'X-1', modified: 'x', affected: [{ package: { ecosystem: 'npm', name: 'a' }, ranges: 'oops' }] }) },
        { name: 'README.md', data: 'not a record' },
      ]),
    });
    const res = await updateDatabase({ cacheDir, baseUrl: base, ecosystems: ['npm'] });
    expect(res.stats).toMatchObject({ records: 1, skipped: 3, withdrawn: 1 });
    expect(res.stats.problems.join('\n')).toMatch(/broken\.json: invalid JSON/);
    const db = VulnDatabase.open(cacheDir);
    try {
      expect(db.status().sources[0]).toMatchObject({ name: 'npm', records: 1, skipped: 3, withdrawn: 1 });
    } finally {
      db.close();
    }
  });

  it('survives an update killed halfway: the old database stays usable and the next update succeeds', async () => {
    serveGood();
    await updateDatabase({ cacheDir, baseUrl: base, ecosystems: ['npm', 'PyPI'] });
    const big: object[] = [];
    for (let i = 0; i < 30000; i++) big.push(rec(`GHSA-big-${i}`, 'npm', `pkg-${i % 5000}`, `1.${i}.0`, { details: 'x'.repeat(200) }));
    // Stored, not deflated: quick to build here, and the import still takes long enough to interrupt.
    files.set('/npm/all.zip', { body: buildZip(big.map((r) => ({ name: `${(r as { id: string }).id}.json`, data: JSON.stringify(r), store: true }))) });
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'fixtures', 'update-child.ts'), cacheDir, base, 'npm,PyPI'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const killed = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('importing npm') && !child.killed) {
          // Let it write part of the new file, then kill it without warning.
          setTimeout(() => {
            // The update is past verification and writing its new file.
            const tmp = readdirSync(join(cacheDir, 'db')).filter((n) => n.startsWith('vulns.db.tmp-'));
            if (tmp.length === 0) reject(new Error('no temporary database while importing'));
            child.kill('SIGKILL');
          }, 150);
        }
      });
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited before the kill: ${out} ${err}`))));
    });
    await killed;
    expect(out).not.toContain('done');
    const db = VulnDatabase.open(cacheDir);
    try {
      expect(db.status().advisories).toBe(3);
      expect(matchVulnerabilities([npmPkg], { db }).map((m) => m.primaryId)).toEqual(['CVE-2021-23337']);
    } finally {
      db.close();
    }
    // The dead process's lock and temporary files do not block the next update.
    const res = await updateDatabase({ cacheDir, baseUrl: base, ecosystems: ['npm'] });
    expect(res.stats.records).toBe(30000);
    expect(readdirSync(join(cacheDir, 'db'))).toEqual(['vulns.db']);
  }, 120_000);
});

describe('db import (air-gapped)', () => {
  it('imports a directory and a zip of OSV JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drydock-osv-'));
    try {
      writeFileSync(join(dir, 'a.json'), JSON.stringify(rec('GHSA-imp1-aaaa-bbbb', 'npm', 'lodash', '4.17.21')));
      writeFileSync(join(dir, 'bad.json'), '[1, 2');
      const r = await importDatabase({ cacheDir, path: dir });
      expect(r.stats).toMatchObject({ records: 1, skipped: 1 });
      const zip = join(dir, 'osv.zip');
      writeFileSync(zip, osvZip([rec('PYSEC-9', 'PyPI', 'django', '5.0')]));
      rmSync(join(dir, 'a.json'));
      const r2 = await importDatabase({ cacheDir, path: zip });
      expect(r2.stats.records).toBe(1);
      const db = VulnDatabase.open(cacheDir);
      try {
        expect(db.status().sources.map((s) => s.name)).toEqual(['import']);
        expect(matchVulnerabilities([pyPkg], { db }).map((m) => m.primaryId)).toEqual(['PYSEC-9']);
      } finally {
        db.close();
      }
      expect(existsSync(dbPath(cacheDir))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('parallel import', () => {
  function dump(path: string) {
    const db = new Database(path, { readonly: true });
    try {
      return {
        vulns: db.prepare('SELECT * FROM vulns ORDER BY rid').all(),
        affected: db.prepare('SELECT rowid AS r, * FROM affected ORDER BY rowid').all(),
      };
    } finally {
      db.close();
    }
  }

  it('builds the same database as one thread: order, duplicates, withdrawn and malformed records', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drydock-osv-par-'));
    try {
      const docs: { name: string; data: string }[] = [];
      for (let i = 0; i < 60; i++) {
        const name = `r${String(i).padStart(3, '0')}.json`;
        let body: unknown = rec(`GHSA-par${i}`, i % 2 ? 'npm' : 'PyPI', `pkg-${i % 7}`, `1.${i}.0`);
        if (i % 11 === 3) body = rec(`GHSA-par${i - 2}`, 'npm', 'dup', '9.9.9'); // a later duplicate id
        if (i % 13 === 5) body = { ...(body as object), withdrawn: '2024-01-01T00:00:00Z' };
        if (i % 17 === 7) body = { id: `GHSA-bad${i}`, affected: 'nope' };
        if (i === 20) body = [rec('GHSA-arr1', 'Go', 'example.com/m', '1.0.0'), rec('GHSA-par0', 'npm', 'x', '1.0.0'), { id: 'GHSA-nomod' }];
        if (i === 30) body = { ...rec('GHSA-two', 'npm', 'a', '1.0.0'), affected: [rec('x', 'npm', 'a', '1').affected[0], rec('x', 'Debian:12', 'b', '2').affected[0]] };
        if (i === 31) body = { id: 'GHSA-noaff', modified: '2024-01-01T00:00:00Z', summary: 'nothing' };
        if (i === 50) body = { ...(body as object), details: 'long '.repeat(100_000) }; // larger than one read
        docs.push({ name, data: i === 40 ? '{"id": ' : JSON.stringify(body) });
      }
      for (const d of docs) writeFileSync(join(dir, d.name), d.data);
      const zip = join(cacheDir, 'par.zip');
      writeFileSync(zip, buildZip(docs));
      const build = async (name: string, run: (b: DatabaseBuilder) => Promise<ImportStats>) => {
        const path = join(cacheDir, name);
        const b = new DatabaseBuilder(path);
        // A record already in (as from a kept source) wins over the imported one with its id.
        b.add({ id: 'GHSA-par4', cols: ['2020-01-01T00:00:00Z', null, 'kept', null, null, null, null, null], affected: [['npm', 'kept', '{}']] }, 'old');
        const stats = await run(b);
        b.finish({ builtAt: '2024-01-01T00:00:00Z' });
        return { stats, db: dump(path) };
      };
      const seq = await build('seq.db', (b) => importDirectory(b, dir, 'import', { parallel: false }));
      expect(seq.stats).toMatchObject({ records: 45, skipped: 6, withdrawn: 4, duplicates: 7 });
      expect(seq.db.vulns.length).toBe(46);
      expect(seq.db.vulns.some((v) => (v as { id: string }).id === 'GHSA-par50')).toBe(true);
      for (const [batch, mainParses] of [[1, true], [3, false], [7, true], [2, false]] as const) {
        const par = await build(`dir${batch}.db`, (b) => importDirectory(b, dir, 'import', { parallel: true, batch, mainParses }));
        expect(par.stats).toEqual(seq.stats);
        expect(par.db).toEqual(seq.db);
        const z = await build(`zip${batch}.db`, (b) => importZip(b, zip, 'import', { parallel: true, batch, mainParses }));
        expect(z.stats.records).toBe(seq.stats.records);
        expect(z.db).toEqual(seq.db);
      }
      // The workers' shards were in memory, and none is left behind, in memory or on disk.
      expect(memoryShardPrefix()).toMatch(/^file:\/drydock-shard-/);
      expect(heldShards()).toBe(0);
      expect(readdirSync(cacheDir).filter((f) => f.includes('-s'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
  it('imports a large directory while still listing it, row for row as one thread does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drydock-osv-walk-'));
    try {
      // Several directories, so the walk goes on after the workers start; duplicate ids across them.
      for (const sub of ['a', 'b', 'c/d', 'c/e']) mkdirSync(join(dir, sub), { recursive: true });
      const subs = ['a', 'b', 'c/d', 'c/e'];
      for (let i = 0; i < 6000; i++) {
        const id = i % 97 === 5 ? `GHSA-walk${i % 400}` : `GHSA-walk${i}`;
        writeFileSync(join(dir, subs[i % 4]!, `${String(i).padStart(5, '0')}.json`), JSON.stringify(rec(id, i % 3 ? 'npm' : 'PyPI', `p${i % 300}`, `1.${i}.0`)));
      }
      writeFileSync(join(dir, 'c', 'e', 'bad.json'), '{"id": ');
      const build = async (name: string, opts: Parameters<typeof importDirectory>[3]) => {
        const path = join(cacheDir, name);
        const b = new DatabaseBuilder(path);
        const stats = await importDirectory(b, dir, 'import', opts);
        b.finish({ builtAt: '2024-01-01T00:00:00Z' });
        return { stats, db: dump(path) };
      };
      const seq = await build('walkseq.db', { parallel: false });
      expect(seq.stats.skipped).toBe(1);
      expect(seq.stats.duplicates).toBeGreaterThan(0);
      const par = await build('walkpar.db', {});
      expect(par.stats).toEqual(seq.stats);
      expect(par.db).toEqual(seq.db);
      expect(heldShards()).toBe(0);
      expect(readdirSync(cacheDir).filter((f) => f.includes('-s'))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('large directory import', () => {
  it('imports thousands of files on several threads, workers started during the walk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drydock-osv-big-'));
    try {
      for (const sub of ['a', 'b']) mkdirSync(join(dir, sub));
      for (let i = 0; i < 4500; i++) writeFileSync(join(dir, i % 2 ? 'a' : 'b', `${i}.json`), JSON.stringify(rec(`GHSA-big${i}`, 'npm', `p${i % 300}`, `1.${i}.0`)));
      writeFileSync(join(dir, 'a', 'dup.json'), JSON.stringify(rec('GHSA-big0', 'npm', 'x', '1.0.0')));
      const r = await importDatabase({ cacheDir, path: dir });
      expect(r.stats).toMatchObject({ records: 4500, duplicates: 1, skipped: 0 });
      const db = VulnDatabase.open(cacheDir);
      try {
        expect(db.status().advisories).toBe(4500);
        expect(db.affected('npm', 'p7').map((a) => a.rid)).toHaveLength(15);
      } finally {
        db.close();
      }
      expect(readdirSync(join(cacheDir, 'db'))).toEqual(['vulns.db']);
      expect(heldShards()).toBe(0);

      // With SQLite's URI names turned off, the workers' shards are files next to the new
      // database instead of in memory: the same records, and no file is left behind.
      const child = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'fixtures', 'import-child.ts'), join(cacheDir, 'nouri'), dir], {
        encoding: 'utf8',
        env: { ...process.env, SQLITE_USE_URI: '0' },
      });
      expect(child.stderr).toBe('');
      expect(JSON.parse(child.stdout)).toEqual({ records: 4500, duplicates: 1, memory: false, left: ['vulns.db'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('ZipReader', () => {
  it('reads ZIP64 archives with more than 65535 entries', () => {
    const entries = Array.from({ length: 70000 }, (_, i) => ({ name: `r/${i}.json`, data: `{"i":${i}}`, store: true }));
    const p = join(cacheDir, 'big.zip');
    writeFileSync(p, buildZip(entries));
    const z = new ZipReader(p);
    try {
      expect(z.entries).toHaveLength(70000);
      expect(z.readEntry(z.entries[69999]!).toString()).toBe('{"i":69999}');
    } finally {
      z.close();
    }
  });
  it('bounds entry sizes and compression ratios', () => {
    const p = join(cacheDir, 'bomb.zip');
    writeFileSync(p, buildZip([{ name: 'bomb.json', data: Buffer.alloc(10_000_000) }]));
    expect(() => new ZipReader(p)).toThrow(ZipError);
    expect(() => new ZipReader(p, { maxEntries: 10, maxEntrySize: 1000, maxTotalSize: 1e9, maxRatio: 1e9 })).toThrow(/limit 1000/);
  });
  it('flags unsafe names', () => {
    for (const n of ['../x', 'a/../../x', '/etc/passwd', 'C:/x', 'a\\..\\x', '']) expect(isUnsafeEntryName(n)).toBe(true);
    for (const n of ['npm/GHSA-1.json', 'a..b/c.json']) expect(isUnsafeEntryName(n)).toBe(false);
  });
});
