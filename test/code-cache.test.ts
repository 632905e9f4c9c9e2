import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drydock, ROOT } from './helpers.js';

// bin/drydock.js compiles the CLI bundle with V8's code cache, kept in the user's cache directory.
const bundled = existsSync(path.join(ROOT, 'dist/cli/drydock.cjs'));

describe.skipIf(!bundled)('the launcher keeps V8 code caches', () => {
  let dir: string;
  const manifest = path.join(ROOT, 'examples/shop');
  const scanArgs = ['scan', manifest, '--scanners', 'misconfig', '--format', 'json'];
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => drydock(args, { env: { DRYDOCK_CODE_CACHE: dir, ...env } });
  const withoutTimes = (s: string) => s.replace(/"(startedAt|finishedAt|durationMs)":\s*[^,]*,/g, '');
  const caches = () => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.bin')) : []);

  beforeEach(() => {
    dir = path.join(mkdtempSync(path.join(tmpdir(), 'drydock-cc-')), 'v8');
  });
  afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('writes one cache per command on the first run, reuses it after, and the report is the same', () => {
    const first = run(scanArgs);
    expect(first.code).toBe(0);
    expect(caches()).toHaveLength(1);
    expect(caches()[0]).toMatch(/^scan-v\d+\.\d+\.\d+-[a-z0-9]+-\d+-\d+\.bin$/);
    const file = path.join(dir, caches()[0]!);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const written = statSync(file).mtimeMs;

    const second = run(scanArgs);
    expect(second.code).toBe(0);
    expect(withoutTimes(second.stdout)).toBe(withoutTimes(first.stdout));
    // Accepted, so not written again.
    expect(statSync(file).mtimeMs).toBe(written);

    expect(run(['rules', '--format', 'json']).code).toBe(0);
    expect(caches().map((f) => f.split('-')[0]).sort()).toEqual(['rules', 'scan']);
  });

  it('rejects a corrupt cache, still runs correctly, and replaces it', () => {
    const clean = run(scanArgs);
    const file = path.join(dir, caches()[0]!);
    writeFileSync(file, Buffer.alloc(4096, 0x5a));
    const again = run(scanArgs);
    expect(again.code).toBe(0);
    expect(withoutTimes(again.stdout)).toBe(withoutTimes(clean.stdout));
    expect(readFileSync(file).subarray(0, 16).equals(Buffer.alloc(16, 0x5a))).toBe(false);
  });

  it.skipIf(typeof process.getuid !== 'function' || process.getuid() !== 0)('ignores a cache owned by another user', () => {
    run(scanArgs);
    const file = path.join(dir, caches()[0]!);
    chownSync(file, 4321, 4321);
    expect(run(scanArgs).code).toBe(0);
    // Not used: replaced by one of this user's own.
    expect(statSync(file).uid).toBe(0);
  });

  it('drops the caches of earlier builds of the same command', () => {
    run(scanArgs);
    const current = path.join(dir, caches()[0]!);
    const stale = path.join(dir, 'scan-v0.0.0-x64-1-1.bin');
    writeFileSync(stale, 'old');
    writeFileSync(current, 'corrupt, so it is rewritten');
    run(scanArgs);
    expect(existsSync(stale)).toBe(false);
    expect(caches()).toHaveLength(1);
  });

  it('writes nothing when turned off', () => {
    expect(run(scanArgs, { DRYDOCK_CODE_CACHE: 'off' }).code).toBe(0);
    expect(existsSync(dir)).toBe(false);
  });
});

describe.skipIf(!bundled)('start-up of a configuration scan', () => {
  it('loads neither child_process nor the datagram module it would pull in', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'drydock-mods-'));
    try {
      const out = path.join(dir, 'modules.txt');
      const preload = path.join(dir, 'preload.cjs');
      writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, process.moduleLoadList.join('\\n')));\n`);
      const r = drydock(['scan', path.join(ROOT, 'examples/shop/k8s'), '--scanners', 'misconfig', '--format', 'json'], {
        env: { DRYDOCK_CODE_CACHE: 'off', NODE_OPTIONS: `--require ${preload}` },
      });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).findings.length).toBeGreaterThan(0);
      const loaded = readFileSync(out, 'utf8').split('\n');
      expect(loaded).toContain('NativeModule fs');
      // (net comes with a piped stdout, as here; child_process would bring it with dgram.)
      for (const heavy of ['NativeModule child_process', 'NativeModule dgram']) expect(loaded).not.toContain(heavy);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
