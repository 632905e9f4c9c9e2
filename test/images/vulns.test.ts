import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drydock } from '../helpers.js';
import { loadComponents, type ImageComponents } from './components.js';

// A Debian advisory is keyed by source package and release: glibc in Debian 12 covers libc6, libc-bin, …
const DSA = {
  schema_version: '1.6.0',
  id: 'DSA-9999-1',
  modified: '2026-01-01T00:00:00Z',
  aliases: ['CVE-2099-0001'],
  summary: 'glibc security update',
  affected: [
    {
      package: { ecosystem: 'Debian:12', name: 'glibc' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.36-9+deb12u999' }] }],
    },
  ],
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
};

const { env, reason } = await loadComponents();

describe.skipIf(!env)(`drydock image --vulns ${reason ? `(skipped: ${reason})` : ''}`, () => {
  let dir: string;
  let image: string;
  beforeAll(() => {
    const c = env as ImageComponents;
    image = `docker-archive:${c.archives.debian.docker}`;
    dir = mkdtempSync(path.join(tmpdir(), 'drydock-imgvuln-'));
    mkdirSync(path.join(dir, 'osv'));
    writeFileSync(path.join(dir, 'osv', 'DSA-9999-1.json'), JSON.stringify(DSA));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails clearly without a database', () => {
    const r = drydock(['image', image, '--no-secrets', '--vulns', '--cache-dir', path.join(dir, 'none')]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('drydock db update');
  });

  it('matches Debian packages by source package and release, names the layer, and blocks on critical', () => {
    expect(drydock(['db', 'import', path.join(dir, 'osv'), '--cache-dir', path.join(dir, 'cache')]).code).toBe(0);
    const r = drydock(['image', image, '--no-secrets', '--vulns', '--cache-dir', path.join(dir, 'cache'), '-f', 'json', '--fail-on', 'critical']);
    expect(r.code, r.stderr).toBe(1);
    const vulns = JSON.parse(r.stdout).findings.filter((f: any) => f.ruleId === 'CVE-2099-0001');
    const names = vulns.map((f: any) => f.properties.package).sort();
    expect(names).toContain('libc6');
    for (const f of vulns) {
      expect(f.severity).toBe('critical');
      expect(f.properties.ids).toEqual(expect.arrayContaining(['CVE-2099-0001', 'DSA-9999-1']));
      expect(f.properties.fixedVersion).toBe('2.36-9+deb12u999');
      expect(f.location.layer).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
  });
});
