import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drydock } from './helpers.js';

const OSV_LODASH = {
  schema_version: '1.6.0',
  id: 'GHSA-35jh-r3h4-6jhm',
  modified: '2024-01-01T00:00:00Z',
  aliases: ['CVE-2021-23337'],
  summary: 'Command Injection in lodash',
  affected: [
    {
      package: { ecosystem: 'npm', name: 'lodash', purl: 'pkg:npm/lodash' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }],
    },
  ],
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' }],
};

const LOCK = {
  name: 'shop',
  version: '1.0.0',
  lockfileVersion: 3,
  packages: {
    '': { name: 'shop', version: '1.0.0', dependencies: { lodash: '^4.17.0', ms: '^2.1.3' } },
    'node_modules/lodash': { version: '4.17.20', resolved: 'https://registry.npmjs.org/lodash/-/lodash-4.17.20.tgz' },
    'node_modules/ms': { version: '2.1.3', resolved: 'https://registry.npmjs.org/ms/-/ms-2.1.3.tgz' },
  },
};

describe('drydock scan --scanners vuln', () => {
  let dir: string;
  let cache: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'drydock-vuln-'));
    cache = path.join(dir, 'cache');
    mkdirSync(path.join(dir, 'osv'));
    mkdirSync(path.join(dir, 'app'));
    writeFileSync(path.join(dir, 'osv', 'GHSA-35jh-r3h4-6jhm.json'), JSON.stringify(OSV_LODASH));
    writeFileSync(path.join(dir, 'app', 'package-lock.json'), JSON.stringify(LOCK, null, 2));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('without a database fails clearly and never says "no vulnerabilities"', () => {
    const r = drydock(['scan', path.join(dir, 'app'), '--scanners', 'vuln', '--cache-dir', path.join(dir, 'empty-cache')]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('drydock db update');
    expect(r.stdout).not.toMatch(/no findings|no vulnerabilities/i);
  });

  it('matches lockfile packages against an imported OSV database and gates on them', () => {
    const imp = drydock(['db', 'import', path.join(dir, 'osv'), '--cache-dir', cache]);
    expect(imp.code, imp.stderr).toBe(0);
    const r = drydock(['scan', path.join(dir, 'app'), '--scanners', 'vuln', '--cache-dir', cache, '-f', 'json', '--fail-on', 'high']);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.findings).toHaveLength(1);
    const f = report.findings[0];
    expect(f.ruleId).toBe('CVE-2021-23337');
    expect(f.severity).toBe('high');
    expect(f.location.path).toBe(path.join(dir, 'app', 'package-lock.json'));
    expect(f.properties).toMatchObject({ purl: 'pkg:npm/lodash@4.17.20', installedVersion: '4.17.20', fixedVersion: '4.17.21' });
    expect(f.properties.ids).toEqual(expect.arrayContaining(['CVE-2021-23337', 'GHSA-35jh-r3h4-6jhm']));
  });

  it('an ignore-file entry by alias and purl glob suppresses it', () => {
    writeFileSync(path.join(dir, 'app', '.drydockignore.yaml'), 'ignores:\n  - id: GHSA-35jh-r3h4-6jhm\n    purls: ["pkg:npm/lodash@*"]\n    reason: not reachable from our code\n');
    const r = drydock(['scan', path.join(dir, 'app'), '--scanners', 'vuln', '--cache-dir', cache, '--fail-on', 'high']);
    expect(r.code).toBe(0);
    rmSync(path.join(dir, 'app', '.drydockignore.yaml'));
  });
});

describe('drydock scan --git-history', () => {
  let repo: string;
  beforeAll(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'drydock-git-'));
    const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', ...args], { encoding: 'utf8' });
    git('init', '-q');
    writeFileSync(path.join(repo, 'app.env'), 'LOG_LEVEL=info\n');
    git('add', '.');
    git('commit', '-qm', 'first');
    writeFileSync(path.join(repo, 'app.env'), 'LOG_LEVEL=info\nGITHUB_TOKEN=ghp_' + 'R8aF3kP0qL7mZ2xV9cT4nB6wY1sD5hJ0gE3u' + '\n');
    git('commit', '-qam', 'add token');
    writeFileSync(path.join(repo, 'app.env'), 'LOG_LEVEL=info\n');
    git('commit', '-qam', 'remove token');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('finds a secret that was committed and later deleted, with its commit', () => {
    const now = drydock(['scan', repo, '--scanners', 'secret', '-f', 'json']);
    expect(JSON.parse(now.stdout).findings).toEqual([]);
    const r = drydock(['scan', repo, '--git-history', '-f', 'json']);
    const report = JSON.parse(r.stdout);
    const hits = report.findings.filter((f: any) => f.location.commit);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0].location).toMatchObject({ path: 'app.env', startLine: 2 });
    expect(hits[0].location.commit.author).toContain('Dev');
    expect(r.stdout).not.toContain('R8aF3kP0qL7mZ2xV9cT4nB6wY1sD5hJ0gE3u');
  });

  it('--since without --git-history is a usage error', () => {
    expect(drydock(['scan', repo, '--since', 'HEAD~1']).code).toBe(2);
  });
});
