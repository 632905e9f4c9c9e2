import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan, SECRET_WORKER_THRESHOLD } from '../src/scan.js';
import { drydock } from './helpers.js';

// A GitHub token with a valid checksum is needed for the detector; the middle part varies per file.
const TOKEN = 'ghp_' + 'R8aF3kP0qL7mZ2xV9cT4nB6wY1sD5hJ0gE3u';

describe.skipIf(availableParallelism() < 2)('secret detection in worker threads for large trees', () => {
  let dir: string;
  const total = SECRET_WORKER_THRESHOLD + 300;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'drydock-workers-'));
    for (let i = 0; i < total; i++) {
      const sub = path.join(dir, `d${Math.floor(i / 100)}`);
      mkdirSync(sub, { recursive: true });
      const secret = i === 7 || i === total - 5 ? `\nGITHUB_TOKEN=${TOKEN}\n` : '';
      writeFileSync(path.join(sub, `f${i}.env`), `# file ${i}\nLOG_LEVEL=info${secret}`);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the same secrets, at the same places, as the main thread alone', async () => {
    const cli = drydock(['scan', dir, '--scanners', 'secret', '-f', 'json']);
    expect(cli.code, cli.stderr).toBe(0);
    const viaWorkers = JSON.parse(cli.stdout);
    const alone = await scan({ target: dir, scanners: ['secret'], secretWorkers: false, configFile: false, ignoreFile: false });
    const key = (f: { ruleId: string; location: { path: string; startLine: number; startColumn: number }; fingerprint: string }) =>
      `${f.ruleId} ${path.basename(f.location.path)}:${f.location.startLine}:${f.location.startColumn} ${f.fingerprint}`;
    expect(viaWorkers.findings.map(key).sort()).toEqual(alone.findings.map(key).sort());
    expect(viaWorkers.findings.length).toBe(2);
    expect(viaWorkers.stats.filesScanned).toBe(total);
    expect(cli.stdout).not.toContain(TOKEN);
  });
});
