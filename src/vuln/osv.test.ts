import { describe, expect, it } from 'vitest';
import { affectedJson, normalizeRecord, prepareRecord, type StoredAffected } from './osv.js';

// Strings that JSON must escape, and ones it must leave alone.
const AWKWARD = ['', 'plain', 'quote"inside', 'back\\slash', 'tab\there', 'nl\n', '\u0000\u001f', '\u007f', 'é ü', '😀', '\ud800', 'x\udfffy', '\u2028\u2029', '</script>'];

describe('prepareRecord', () => {
  it('writes the stored JSON exactly as JSON.stringify would, whatever the strings hold', () => {
    for (const s of AWKWARD) {
      const data: StoredAffected = { r: [{ t: 'E', e: [{ introduced: s }, { fixed: s }] }, { t: 'S', e: [{ last_affected: s }, { limit: s }] }], v: [s, 'a', s], s: [{ type: s, score: s }], u: s };
      expect(affectedJson(data)).toBe(JSON.stringify(data));
      const rec = normalizeRecord({ id: 'X-1', modified: 'm', aliases: [s, 'CVE-1'], upstream: [s], severity: [{ type: 'CVSS_V3', score: s }], affected: [{ package: { ecosystem: 'npm', name: 'p' }, versions: ['1', s] }] })!;
      const prepared = prepareRecord(rec);
      // Empty strings are dropped from id lists; an empty list is stored as NULL.
      expect(prepared.cols[3]).toBe(JSON.stringify(rec.aliases));
      expect(prepared.cols[4]).toBe(rec.upstream.length ? JSON.stringify(rec.upstream) : null);
      expect(prepared.cols[5]).toBe(JSON.stringify(rec.severity));
      expect(JSON.parse(prepared.affected[0]![2])).toEqual(rec.affected[0]!.data);
    }
  });

  it('covers every shape an affected entry takes', () => {
    const shapes: StoredAffected[] = [{}, { g: 1 }, { v: ['1.0'] }, { r: [] }, { r: [{ t: 'S', e: [] }] }, { r: [{ t: 'E', e: [{ introduced: '0' }] }], u: 'low' }, { v: ['1'], s: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N' }] }];
    for (const d of shapes) expect(affectedJson(d)).toBe(JSON.stringify(d));
  });

  it('keeps the record order of affected entries and the columns of the vulns table', () => {
    const rec = normalizeRecord({
      id: 'GHSA-1',
      modified: '2024-01-01T00:00:00Z',
      published: '2023-01-01T00:00:00Z',
      summary: 'sum',
      aliases: ['CVE-2024-1'],
      database_specific: { severity: 'HIGH' },
      references: [{ type: 'WEB', url: 'https://w' }, { type: 'ADVISORY', url: 'https://a' }],
      affected: [
        { package: { ecosystem: 'npm', name: 'a' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.2.3' }] }] },
        { package: { ecosystem: 'PyPI', name: 'Django_X' }, versions: ['1.0'] },
      ],
    })!;
    expect(prepareRecord(rec)).toEqual({
      id: 'GHSA-1',
      cols: ['2024-01-01T00:00:00Z', '2023-01-01T00:00:00Z', 'sum', '["CVE-2024-1"]', null, null, 'HIGH', 'https://a'],
      affected: [
        ['npm', 'a', '{"r":[{"t":"S","e":[{"introduced":"0"},{"fixed":"1.2.3"}]}]}'],
        ['pypi', 'django-x', '{"v":["1.0"]}'],
      ],
    });
  });
});
