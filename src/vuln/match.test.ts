import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySuppressions } from '../engine/suppress.js';
import type { Package } from '../model/index.js';
import { importDatabase } from './db/update.js';
import { NoVulnerabilityDatabaseError, VulnDatabase } from './db/store.js';
import { cyclonedxVulnerabilities } from './cyclonedx.js';
import { matchesToFindings } from './findings.js';
import { inRange, matchVulnerabilities } from './match.js';
import { scanVulnerabilities } from './scan.js';
import { SCHEMES } from './versions/index.js';
import { applyVex } from './vex.js';

const MOD = '2024-01-01T00:00:00Z';
const records = [
  {
    id: 'GHSA-aaaa-bbbb-cccc',
    modified: MOD,
    aliases: ['CVE-2024-0001'],
    summary: 'Prototype pollution in left-pad',
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
    affected: [{ package: { ecosystem: 'npm', name: 'left-pad' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.3.0' }] }] }],
  },
  {
    id: 'GHSA-last-affe-cted',
    modified: MOD,
    summary: 'No fix yet',
    database_specific: { severity: 'MODERATE' },
    affected: [{ package: { ecosystem: 'npm', name: 'left-pad' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '1.0.0' }, { last_affected: '1.3.5' }] }] }],
  },
  {
    id: 'GHSA-with-drawn-xxxx',
    modified: MOD,
    withdrawn: '2024-02-01T00:00:00Z',
    affected: [{ package: { ecosystem: 'npm', name: 'left-pad' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }],
  },
  {
    id: 'PYSEC-2024-1',
    modified: MOD,
    aliases: ['CVE-2024-0002', 'GHSA-pypi-aaaa-bbbb'],
    summary: 'Request smuggling',
    affected: [{ package: { ecosystem: 'PyPI', name: 'Some_Package' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0.0rc1' }] }], versions: ['1.0', '1.5'] }],
  },
  {
    id: 'GHSA-pypi-aaaa-bbbb',
    modified: MOD,
    aliases: ['CVE-2024-0002'],
    summary: 'HTTP request smuggling in some-package',
    severity: [{ type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' }],
    affected: [{ package: { ecosystem: 'PyPI', name: 'some-package' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.0' }, { fixed: '1.9.1' }] }] }],
  },
  {
    id: 'DEBIAN-CVE-2024-0003',
    modified: MOD,
    upstream: ['CVE-2024-0003'],
    summary: 'openssl: buffer overread',
    affected: [
      { package: { ecosystem: 'Debian:12', name: 'openssl' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.0.13-1~deb12u1' }] }], ecosystem_specific: { urgency: 'high' } },
      { package: { ecosystem: 'Debian:11', name: 'openssl' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.1.1w-0+deb11u2' }] }] },
    ],
  },
  {
    id: 'DSA-5678-1',
    modified: MOD,
    upstream: ['CVE-2024-0003', 'CVE-2024-0099'],
    summary: 'openssl security update',
    affected: [{ package: { ecosystem: 'Debian:12', name: 'openssl' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.0.13-1~deb12u1' }] }] }],
  },
  {
    id: 'ALPINE-CVE-2024-0004',
    modified: MOD,
    upstream: ['CVE-2024-0004'],
    affected: [{ package: { ecosystem: 'Alpine:v3.20', name: 'busybox' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.36.1-r29' }] }] }],
  },
  {
    id: 'GO-2024-0005',
    modified: MOD,
    aliases: ['CVE-2024-0005'],
    summary: 'net/http: memory exhaustion',
    affected: [{ package: { ecosystem: 'Go', name: 'stdlib' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.21.8' }, { introduced: '1.22.0-0' }, { fixed: '1.22.1' }] }] }],
  },
  {
    id: 'OSV-GIT-ONLY',
    modified: MOD,
    affected: [{ package: { ecosystem: 'npm', name: 'git-only' }, ranges: [{ type: 'GIT', repo: 'https://example.com/x', events: [{ introduced: 'abc' }] }] }],
  },
  {
    id: 'RUSTSEC-2024-0006',
    modified: MOD,
    aliases: ['CVE-2024-0006'],
    affected: [{ package: { ecosystem: 'crates.io', name: 'smallvec' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0.6.0' }, { fixed: '0.6.14' }, { introduced: '1.0.0' }, { fixed: '1.6.1' }] }] }],
  },
];

function pkg(ecosystem: string, name: string, version: string, extra: Partial<Package> = {}): Package {
  const type = { npm: 'npm', PyPI: 'pypi', Go: 'golang', 'crates.io': 'cargo' }[ecosystem] ?? (ecosystem.startsWith('Debian') ? 'deb' : 'apk');
  return { name, version, ecosystem, purl: `pkg:${type}/${name}@${version}`, type, locations: [{ path: '/lock', layer: 'sha256:abc' }], foundBy: 'test', ...extra };
}

let cacheDir: string;
let db: VulnDatabase;

beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), 'drydock-match-'));
  const src = join(cacheDir, 'src');
  mkdirSync(src);
  records.forEach((r, i) => writeFileSync(join(src, `${i}.json`), JSON.stringify(r)));
  await importDatabase({ cacheDir, path: src });
  db = VulnDatabase.open(cacheDir);
});
afterAll(() => {
  db?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('inRange (OSV evaluation)', () => {
  const cmp = SCHEMES.semver.compare;
  it('handles introduced/fixed pairs, last_affected and limit', () => {
    const ev = [{ introduced: '0' }, { fixed: '1.0.0' }, { introduced: '2.0.0' }, { fixed: '2.1.0' }];
    expect(inRange('0.5.0', ev, cmp)).toEqual({ affected: true, fixed: '1.0.0' });
    expect(inRange('1.5.0', ev, cmp)).toEqual({ affected: false });
    expect(inRange('2.0.0', ev, cmp)).toEqual({ affected: true, fixed: '2.1.0' });
    expect(inRange('2.1.0', ev, cmp)).toEqual({ affected: false });
    expect(inRange('1.2.0', [{ introduced: '1.0.0' }, { last_affected: '1.2.0' }], cmp)).toEqual({ affected: true });
    expect(inRange('1.2.1', [{ introduced: '1.0.0' }, { last_affected: '1.2.0' }], cmp)).toEqual({ affected: false });
    expect(inRange('3.0.0', [{ introduced: '0' }, { limit: '2.0.0' }], cmp)).toEqual({ affected: false });
    expect(inRange('1.0.0', [{ introduced: '0' }, { limit: '2.0.0' }], cmp)).toEqual({ affected: true });
    // a range with no introduced event starts at the beginning
    expect(inRange('0.9.0', [{ fixed: '1.0.0' }], cmp)).toEqual({ affected: true, fixed: '1.0.0' });
    // events out of order are sorted first
    expect(inRange('2.0.5', [{ fixed: '2.1.0' }, { introduced: '2.0.0' }], cmp)).toEqual({ affected: true, fixed: '2.1.0' });
  });
});

describe('matchVulnerabilities', () => {
  it('matches SEMVER ranges, shows the fixed version and computes CVSS severity', () => {
    const m = matchVulnerabilities([pkg('npm', 'left-pad', '1.2.0')], { db });
    expect(m.map((x) => [x.primaryId, x.fixedVersion, x.severity])).toEqual([
      ['CVE-2024-0001', '1.3.0', 'critical'],
      ['GHSA-last-affe-cted', undefined, 'medium'],
    ]);
    expect(m[0]!.ids).toEqual(['CVE-2024-0001', 'GHSA-aaaa-bbbb-cccc']);
    expect(m[0]!.cvss).toMatchObject({ version: '3.1', score: 9.8 });
    expect(m[1]!.severitySource).toBe('database');
  });
  it('skips withdrawn records and fixed versions', () => {
    expect(matchVulnerabilities([pkg('npm', 'left-pad', '1.4.0')], { db })).toEqual([]);
  });
  it('applies ignoreUnfixed and severity filters', () => {
    const p = [pkg('npm', 'left-pad', '1.2.0')];
    expect(matchVulnerabilities(p, { db, ignoreUnfixed: true }).map((x) => x.primaryId)).toEqual(['CVE-2024-0001']);
    expect(matchVulnerabilities(p, { db, severities: ['medium'] }).map((x) => x.primaryId)).toEqual(['GHSA-last-affe-cted']);
  });
  it('merges aliases into one match and normalizes PyPI names', () => {
    const m = matchVulnerabilities([pkg('PyPI', 'some.package', '1.5')], { db });
    expect(m).toHaveLength(1);
    expect(m[0]!.primaryId).toBe('CVE-2024-0002');
    expect(m[0]!.ids).toEqual(['CVE-2024-0002', 'GHSA-pypi-aaaa-bbbb', 'PYSEC-2024-1']);
    // Both records must be satisfied: the later fix wins.
    expect(m[0]!.fixedVersion).toBe('2.0.0rc1');
    expect(m[0]!).toMatchObject({ severity: 'critical', severitySource: 'CVSS_V4' });
  });
  it('matches distro packages per release and by source package, attaching umbrella advisories', () => {
    const deb = pkg('Debian:12', 'libssl3', '3.0.11-1~deb12u2', { sourceName: 'openssl', sourceVersion: '3.0.11-1~deb12u2' });
    const m = matchVulnerabilities([deb], { db });
    expect(m.map((x) => [x.primaryId, x.ids, x.fixedVersion, x.severity])).toEqual([
      ['CVE-2024-0003', ['CVE-2024-0003', 'DEBIAN-CVE-2024-0003', 'DSA-5678-1'], '3.0.13-1~deb12u1', 'high'],
    ]);
    const fixed = pkg('Debian:12', 'libssl3', '3.0.13-1~deb12u1', { sourceName: 'openssl' });
    expect(matchVulnerabilities([fixed], { db })).toEqual([]);
    const bookworm11 = pkg('Debian:11', 'openssl', '1.1.1w-0+deb11u1');
    expect(matchVulnerabilities([bookworm11], { db }).map((x) => x.fixedVersion)).toEqual(['1.1.1w-0+deb11u2']);
    expect(matchVulnerabilities([pkg('Debian:13', 'openssl', '3.0.0-1')], { db })).toEqual([]);
    expect(matchVulnerabilities([pkg('Alpine:v3.20', 'busybox-binsh', '1.36.1-r28', { sourceName: 'busybox' })], { db }).map((x) => x.primaryId)).toEqual(['CVE-2024-0004']);
    expect(matchVulnerabilities([pkg('Alpine:v3.19', 'busybox', '1.36.1-r28')], { db })).toEqual([]);
  });
  it('matches the Go standard library', () => {
    const m = matchVulnerabilities([pkg('Go', 'stdlib', 'go1.21.5'), pkg('Go', 'stdlib', 'go1.22.1'), pkg('Go', 'stdlib', '1.22.0')], { db });
    expect(m.map((x) => [x.installedVersion, x.fixedVersion])).toEqual([
      ['1.21.5', '1.21.8'],
      ['1.22.0', '1.22.1'],
    ]);
  });
  it('matches crates with several introduced/fixed pairs and ignores GIT-only ranges', () => {
    expect(matchVulnerabilities([pkg('crates.io', 'smallvec', '1.6.0')], { db }).map((x) => x.fixedVersion)).toEqual(['1.6.1']);
    expect(matchVulnerabilities([pkg('crates.io', 'smallvec', '0.7.0')], { db })).toEqual([]);
    expect(matchVulnerabilities([pkg('npm', 'git-only', '1.0.0')], { db })).toEqual([]);
  });
  it('notes packages it cannot check', () => {
    const notes: { code: string }[] = [];
    matchVulnerabilities([pkg('Hackage', 'x', '1'), pkg('npm', 'left-pad', 'not a version')], { db, onNote: (n) => notes.push(n) });
    expect(notes.map((n) => n.code)).toEqual(['vuln-unknown-ecosystem', 'vuln-bad-version']);
  });
});

describe('findings', () => {
  it('carries ids, purl, versions, CVSS and the package location', () => {
    const [f] = matchesToFindings(matchVulnerabilities([pkg('npm', 'left-pad', '1.2.0')], { db }));
    expect(f).toMatchObject({
      ruleId: 'CVE-2024-0001',
      severity: 'critical',
      practice: 'P3',
      title: 'Prototype pollution in left-pad',
      message: 'left-pad 1.2.0 is affected by CVE-2024-0001 (GHSA-aaaa-bbbb-cccc): fixed in 1.3.0',
      location: { path: '/lock', layer: 'sha256:abc' },
      properties: {
        ids: ['CVE-2024-0001', 'GHSA-aaaa-bbbb-cccc'],
        purl: 'pkg:npm/left-pad@1.2.0',
        package: 'left-pad',
        installedVersion: '1.2.0',
        fixedVersion: '1.3.0',
        cvss: { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', score: 9.8 },
        ecosystem: 'npm',
      },
    });
    const again = matchesToFindings(matchVulnerabilities([pkg('npm', 'left-pad', '1.2.0')], { db }))[0]!;
    expect(again.fingerprint).toBe(f!.fingerprint);
  });
});

describe('cyclonedxVulnerabilities', () => {
  it('lists each flaw once with ratings, references and affected components', () => {
    const fs = matchesToFindings(matchVulnerabilities([pkg('npm', 'left-pad', '1.2.0')], { db }));
    const [v] = cyclonedxVulnerabilities(fs);
    expect(v).toMatchObject({
      id: 'CVE-2024-0001',
      source: { name: 'NVD' },
      references: [{ id: 'GHSA-aaaa-bbbb-cccc', source: { name: 'GitHub' } }],
      ratings: [{ score: 9.8, severity: 'critical', method: 'CVSSv31' }],
      recommendation: 'Upgrade to 1.3.0 or later',
      affects: [{ ref: 'pkg:npm/left-pad@1.2.0', versions: [{ version: '1.2.0', status: 'affected' }] }],
    });
  });
});

describe('.drydockignore.yaml entries (engine suppression)', () => {
  it('suppress vulnerability findings by any alias, limited by purl globs, until they expire', () => {
    const fs = matchesToFindings(matchVulnerabilities([pkg('npm', 'left-pad', '1.2.0'), pkg('PyPI', 'some-package', '1.5')], { db }));
    const notes = applySuppressions(fs, {
      entries: [
        { id: 'GHSA-aaaa-bbbb-cccc', purls: ['pkg:npm/left-pad@*'], reason: 'not reachable', expires: '2099-01-01' },
        { id: 'PYSEC-2024-1', purls: ['pkg:npm/*'], reason: 'wrong package type, must not apply' },
        { id: 'GHSA-last-affe-cted', reason: 'expired', expires: '2020-01-01' },
      ],
      now: new Date('2026-11-29T00:00:00Z'),
      ruleMeta: () => undefined,
    });
    expect(fs.map((f) => [f.ruleId, f.suppressed?.reason])).toEqual([
      ['CVE-2024-0001', 'not reachable'],
      ['GHSA-last-affe-cted', undefined],
      ['CVE-2024-0002', undefined],
    ]);
    expect(notes.map((n) => n.code)).toEqual(['ignore-expired']);
  });
});

describe('applyVex', () => {
  const findings = () => matchesToFindings(matchVulnerabilities([pkg('npm', 'left-pad', '1.2.0')], { db }));
  it('suppresses not_affected and fixed statements by id or alias, for the matching product', () => {
    const fs = applyVex(findings(), [
      {
        source: 'vex.json',
        statements: [
          { vulnerability: { name: 'GHSA-aaaa-bbbb-cccc' }, products: [{ '@id': 'pkg:oci/app', subcomponents: [{ '@id': 'pkg:npm/left-pad@1.2.0' }] }], status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path' },
          { vulnerability: 'GHSA-last-affe-cted', products: ['pkg:npm/other@1.0.0'], status: 'not_affected', justification: 'component_not_present' },
        ],
      },
    ]);
    expect(fs[0]!.suppressed).toEqual({ kind: 'vex', reason: 'VEX not_affected: vulnerable_code_not_in_execute_path', source: 'vex.json' });
    expect(fs[1]!.suppressed).toBeUndefined();
  });
  it('lets the latest statement win and ignores affected/under_investigation', () => {
    const fs = applyVex(findings(), [
      {
        statements: [
          { vulnerability: 'CVE-2024-0001', status: 'not_affected', justification: 'inline_mitigations_already_exist', timestamp: '2024-01-01T00:00:00Z' },
          { vulnerability: 'CVE-2024-0001', status: 'affected', timestamp: '2024-02-01T00:00:00Z' },
          { vulnerability: 'GHSA-last-affe-cted', products: [{ '@id': 'pkg:npm/left-pad' }], status: 'fixed' },
        ],
      },
    ]);
    expect(fs[0]!.suppressed).toBeUndefined();
    expect(fs[1]!.suppressed?.reason).toBe('VEX fixed');
  });
});

describe('scanVulnerabilities', () => {
  it('fails clearly without a database', () => {
    const empty = mkdtempSync(join(tmpdir(), 'drydock-nodb-'));
    try {
      expect(() => scanVulnerabilities([pkg('npm', 'left-pad', '1.2.0')], { cacheDir: empty })).toThrow(NoVulnerabilityDatabaseError);
      expect(() => scanVulnerabilities([], { cacheDir: empty })).toThrow(/drydock db update/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
  it('returns findings with VEX applied', () => {
    const vexFile = join(cacheDir, 'vex.json');
    writeFileSync(vexFile, JSON.stringify({ '@context': 'https://openvex.dev/ns/v0.2.0', statements: [{ vulnerability: { name: 'CVE-2024-0001' }, status: 'fixed' }] }));
    const fs = scanVulnerabilities([pkg('npm', 'left-pad', '1.2.0')], { cacheDir, vex: [vexFile], ignoreUnfixed: true });
    expect(fs.map((f) => [f.ruleId, f.suppressed?.kind])).toEqual([['CVE-2024-0001', 'vex']]);
  });
});
