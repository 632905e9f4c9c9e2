import { describe, expect, it } from 'vitest';
import { ecosystemKey, MalformedRecordError, packageKey, reduceRecord, type OsvSeverity, type PreparedRecord, type StoredAffected } from './osv.js';

// Strings that JSON must escape, and ones it must leave alone.
const AWKWARD = ['', 'plain', 'quote"inside', 'back\\slash', 'tab\there', 'nl\n', '\u0000\u001f', '\u007f', 'é ü', '😀', '\ud800', 'x\udfffy', '\u2028\u2029', '</script>'];

/**
 * The reduction spelled out the slow, obvious way, as a reference: the record checked and reduced
 * to plain objects, then written with JSON.stringify.
 */
function reference(raw: unknown): PreparedRecord | undefined {
  const nonEmpty = (x: unknown) => (typeof x === 'string' && x !== '' ? x : undefined);
  const strings = (x: unknown) => (Array.isArray(x) ? x.filter((v): v is string => typeof v === 'string' && v !== '') : []);
  const sevs = (x: unknown): OsvSeverity[] =>
    Array.isArray(x) ? x.filter((v) => v && typeof v === 'object' && typeof v.type === 'string' && typeof v.score === 'string').map((v) => ({ type: v.type, score: v.score })) : [];
  const list = (xs: unknown[]) => (xs.length > 0 ? JSON.stringify(xs) : null);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new MalformedRecordError('not a JSON object');
  const r = raw as Record<string, any>;
  const id = nonEmpty(r.id);
  if (!id || id.length > 200) throw new MalformedRecordError('missing or invalid "id"');
  const modified = nonEmpty(r.modified);
  if (!modified) throw new MalformedRecordError(`${id}: missing "modified"`);
  if (nonEmpty(r.withdrawn)) return undefined;
  if (r.affected !== undefined && !Array.isArray(r.affected)) throw new MalformedRecordError(`${id}: "affected" is not an array`);
  const affected: PreparedRecord['affected'] = [];
  for (const a of r.affected ?? []) {
    if (!a || typeof a !== 'object') throw new MalformedRecordError(`${id}: bad "affected" entry`);
    const eco = nonEmpty(a.package?.ecosystem);
    const name = nonEmpty(a.package?.name);
    if (!eco || !name) continue;
    const data: StoredAffected = {};
    let git = false;
    if (a.ranges !== undefined) {
      if (!Array.isArray(a.ranges)) throw new MalformedRecordError(`${id}: "ranges" is not an array`);
      for (const range of a.ranges) {
        if (!range || typeof range !== 'object' || !Array.isArray(range.events)) throw new MalformedRecordError(`${id}: bad range`);
        if (range.type === 'GIT') git = true;
        if (range.type !== 'ECOSYSTEM' && range.type !== 'SEMVER') continue;
        const e = [];
        for (const ev of range.events) {
          if (!ev || typeof ev !== 'object') throw new MalformedRecordError(`${id}: bad event`);
          const key = ['introduced', 'fixed', 'last_affected', 'limit'].find((k) => nonEmpty(ev[k]));
          if (key) e.push({ [key]: ev[key] });
        }
        (data.r ??= []).push({ t: range.type === 'SEMVER' ? 'S' : 'E', e });
      }
    }
    if (strings(a.versions).length) data.v = strings(a.versions);
    if (sevs(a.severity).length) data.s = sevs(a.severity);
    const urgency = nonEmpty(a.ecosystem_specific?.urgency);
    if (urgency) data.u = urgency;
    if (!data.r && !data.v) {
      if (!git) continue;
      data.g = 1;
    }
    affected.push([ecosystemKey(eco), packageKey(eco, name), JSON.stringify(data)]);
  }
  const refs = Array.isArray(r.references) ? r.references : [];
  const ref = refs.find((x: any) => x && x.type === 'ADVISORY' && typeof x.url === 'string') ?? refs.find((x: any) => x && typeof x.url === 'string');
  let summary = nonEmpty(r.summary)?.slice(0, 500) ?? null;
  if (summary === null && nonEmpty(r.details)) {
    const line = r.details.trim().split(/\r?\n/)[0];
    summary = line.length > 200 ? `${line.slice(0, 197)}...` : line;
  }
  return {
    id,
    cols: [modified, nonEmpty(r.published) ?? null, summary, list(strings(r.aliases)), list(strings(r.upstream)), list(sevs(r.severity)), nonEmpty(r.database_specific?.severity) ?? null, ref?.url ?? null],
    affected,
  };
}

/** Either the reduced record or the MalformedRecordError message. */
function outcome(f: (raw: unknown) => PreparedRecord | undefined, raw: unknown): PreparedRecord | undefined | { error: string } {
  try {
    return f(raw);
  } catch (e) {
    if (!(e instanceof MalformedRecordError)) throw e;
    return { error: e.message };
  }
}

// Deterministic pseudo-random choices, so a failure names a reproducible case.
let seed = 7;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x80000000;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const maybe = <T>(p: number, f: () => T): T | undefined => (rnd() < p ? f() : undefined);

const ODD = [undefined, null, 0, 1, true, '', 'x', [], {}, ['a'], { a: 1 }];
const event = () => (rnd() < 0.05 ? pick(ODD) : { [pick(['introduced', 'fixed', 'last_affected', 'limit', 'other'])]: rnd() < 0.1 ? pick(ODD) : pick(AWKWARD.concat(['0', '1.2.3', '2.0.0-rc.1'])), ...maybe(0.2, () => ({ fixed: '9' })) });
const range = () => (rnd() < 0.03 ? pick(ODD) : { type: pick(['ECOSYSTEM', 'SEMVER', 'GIT', 'OTHER', undefined]), ...(rnd() < 0.03 ? { events: pick(ODD) } : { events: Array.from({ length: Math.floor(rnd() * 4) }, event) }) });
const affectedEntry = () =>
  rnd() < 0.03
    ? pick(ODD)
    : {
        package: rnd() < 0.1 ? pick(ODD) : { ecosystem: pick(['npm', 'PyPI', 'Debian:12', 'Ubuntu:22.04:LTS', 'Alpine:v3.20', 'crates.io', 'Go', '', undefined]), name: pick(['Django_X', 'lodash', 'libssl3', '', undefined, 'Ünï"code']) },
        ...(rnd() < 0.8 ? { ranges: rnd() < 0.03 ? pick(ODD) : Array.from({ length: Math.floor(rnd() * 3) }, range) } : {}),
        ...maybe(0.4, () => ({ versions: rnd() < 0.1 ? pick(ODD) : Array.from({ length: Math.floor(rnd() * 4) }, () => pick([...AWKWARD, 1, null])) })),
        ...maybe(0.2, () => ({ severity: rnd() < 0.1 ? pick(ODD) : [{ type: 'CVSS_V3', score: pick(AWKWARD) }, pick(ODD)] })),
        ...maybe(0.2, () => ({ ecosystem_specific: rnd() < 0.1 ? pick(ODD) : { urgency: pick([...AWKWARD, 3]) } })),
      };
const record = () => {
  const r: Record<string, unknown> = {
    id: rnd() < 0.03 ? pick([...ODD, 'x'.repeat(201)]) : `GHSA-${Math.floor(rnd() * 1e6)}`,
    modified: rnd() < 0.03 ? pick(ODD) : '2024-01-01T00:00:00Z',
  };
  if (rnd() < 0.05) r.withdrawn = pick(['2024-02-02T00:00:00Z', '', null]);
  if (rnd() < 0.5) r.published = pick(['2023-01-01T00:00:00Z', '', 3]);
  if (rnd() < 0.6) r.summary = pick([...AWKWARD, 's'.repeat(600)]);
  if (rnd() < 0.6) r.details = pick(['first line\nsecond', '  padded\r\nnext', 'd'.repeat(300), '', 7]);
  if (rnd() < 0.7) r.aliases = rnd() < 0.1 ? pick(ODD) : [pick(AWKWARD), 'CVE-2024-1', pick(ODD)];
  if (rnd() < 0.2) r.upstream = [pick(AWKWARD)];
  if (rnd() < 0.5) r.severity = rnd() < 0.1 ? pick(ODD) : [{ type: 'CVSS_V3', score: pick(AWKWARD) }, { type: 1, score: 'x' }, pick(ODD)];
  if (rnd() < 0.4) r.database_specific = rnd() < 0.1 ? pick(ODD) : { severity: pick(['HIGH', '', 2]) };
  if (rnd() < 0.6) r.references = rnd() < 0.1 ? pick(ODD) : [{ type: 'WEB', url: 'https://w' }, pick(ODD), ...(rnd() < 0.5 ? [{ type: 'ADVISORY', url: 'https://a' }] : [])];
  if (rnd() < 0.95) r.affected = rnd() < 0.03 ? pick(ODD) : Array.from({ length: Math.floor(rnd() * 4) }, affectedEntry);
  return r;
};

describe('reduceRecord', () => {
  it('gives what reducing to objects and JSON.stringify give, or the same error, for any record', () => {
    const seen = { ok: 0, withdrawn: 0, error: 0, rows: 0 };
    for (let i = 0; i < 5000; i++) {
      const raw = record();
      const got = outcome(reduceRecord, raw);
      expect(got, JSON.stringify(raw)).toEqual(outcome(reference, raw));
      if (got === undefined) seen.withdrawn++;
      else if ('error' in got) seen.error++;
      else {
        seen.ok++;
        seen.rows += got.affected.length;
      }
    }
    // The generator reaches every outcome.
    expect(seen.ok).toBeGreaterThan(1000);
    expect(seen.withdrawn).toBeGreaterThan(50);
    expect(seen.error).toBeGreaterThan(200);
    expect(seen.rows).toBeGreaterThan(1000);
  });

  it('writes the stored JSON exactly as JSON.stringify would, whatever the strings hold', () => {
    for (const s of AWKWARD) {
      const raw = {
        id: 'X-1',
        modified: 'm',
        aliases: [s, 'CVE-1'],
        upstream: [s],
        severity: [{ type: 'CVSS_V3', score: s }],
        affected: [
          {
            package: { ecosystem: 'Debian:12', name: 'p' },
            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: s || '0' }, { fixed: s || '1' }] }, { type: 'SEMVER', events: [{ last_affected: s || '2' }, { limit: s || '3' }] }],
            versions: ['1', s],
            severity: [{ type: s, score: s }],
            ecosystem_specific: { urgency: s || 'low' },
          },
        ],
      };
      const r = reduceRecord(raw)!;
      // Empty strings are dropped from id lists; an empty list is stored as NULL.
      expect(r.cols[3]).toBe(JSON.stringify([s, 'CVE-1'].filter(Boolean)));
      expect(r.cols[4]).toBe(s ? JSON.stringify([s]) : null);
      expect(r.cols[5]).toBe(JSON.stringify([{ type: 'CVSS_V3', score: s }]));
      const a = raw.affected[0]!;
      expect(r.affected[0]![2]).toBe(
        JSON.stringify({
          r: [
            { t: 'E', e: a.ranges[0]!.events },
            { t: 'S', e: a.ranges[1]!.events },
          ],
          v: ['1', s].filter(Boolean),
          s: [{ type: s, score: s }],
          u: s || 'low',
        }),
      );
    }
  });

  it('keeps the record order of affected entries and the columns of the vulns table', () => {
    const r = reduceRecord({
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
        { package: { ecosystem: 'Go', name: 'example.com/m' }, ranges: [{ type: 'GIT', repo: 'https://r', events: [{ introduced: 'abc' }] }] },
        { package: { ecosystem: 'Go', name: 'example.com/none' } },
        { ranges: [{ type: 'GIT', events: [] }] },
      ],
    });
    expect(r).toEqual({
      id: 'GHSA-1',
      cols: ['2024-01-01T00:00:00Z', '2023-01-01T00:00:00Z', 'sum', '["CVE-2024-1"]', null, null, 'HIGH', 'https://a'],
      affected: [
        ['npm', 'a', '{"r":[{"t":"S","e":[{"introduced":"0"},{"fixed":"1.2.3"}]}]}'],
        ['pypi', 'django-x', '{"v":["1.0"]}'],
        ['go', 'example.com/m', '{"g":1}'],
      ],
    });
  });

  it('summarises from the details when there is no summary, and skips withdrawn records', () => {
    expect(reduceRecord({ id: 'A', modified: 'm', details: `  ${'w'.repeat(250)}\nmore` })!.cols[2]).toBe(`${'w'.repeat(197)}...`);
    expect(reduceRecord({ id: 'A', modified: 'm', summary: 'x'.repeat(700) })!.cols[2]).toHaveLength(500);
    expect(reduceRecord({ id: 'A', modified: 'm', withdrawn: '2024-01-01T00:00:00Z' })).toBeUndefined();
    expect(() => reduceRecord({ id: 'A' })).toThrow('A: missing "modified"');
    expect(() => reduceRecord({ id: 'A', modified: 'm', affected: [{ package: { ecosystem: 'npm', name: 'a' }, ranges: [{ type: 'SEMVER', events: [null] }] }] })).toThrow('A: bad event');
  });
});
