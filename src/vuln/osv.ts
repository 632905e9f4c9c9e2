import { baseEcosystem } from './versions/index.js';
import { normalizePypiName } from './versions/pep440.js';

/** The parts of an OSV record (https://ossf.github.io/osv-schema/) that matching uses. */
export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}
export interface OsvRange {
  type: 'ECOSYSTEM' | 'SEMVER' | 'GIT' | string;
  repo?: string;
  events: OsvEvent[];
}
export interface OsvSeverity {
  type: string;
  score: string;
}
export interface OsvAffected {
  package?: { ecosystem: string; name: string; purl?: string };
  ranges?: OsvRange[];
  versions?: string[];
  severity?: OsvSeverity[];
  ecosystem_specific?: Record<string, unknown>;
  database_specific?: Record<string, unknown>;
}
export interface OsvRecord {
  schema_version?: string;
  id: string;
  modified: string;
  published?: string;
  withdrawn?: string;
  aliases?: string[];
  upstream?: string[];
  related?: string[];
  summary?: string;
  details?: string;
  severity?: OsvSeverity[];
  affected?: OsvAffected[];
  references?: { type: string; url: string }[];
  database_specific?: Record<string, unknown>;
}

/** What the database keeps of one affected package entry. */
export interface StoredAffected {
  /** Ranges of type ECOSYSTEM and SEMVER only (GIT ranges cannot be evaluated against a version). */
  r?: { t: 'E' | 'S'; e: OsvEvent[] }[];
  v?: string[];
  /** Per-package severity (OSV `affected[].severity`) and distro urgency. */
  s?: OsvSeverity[];
  u?: string;
  /** The record had GIT ranges only for this package. */
  g?: 1;
}

/** One row set to insert for a record. */
export interface NormalizedRecord {
  id: string;
  modified: string;
  published: string | null;
  summary: string | null;
  aliases: string[];
  /** Upstream ids (OSV `upstream`), kept apart: a record fixing several upstream flaws is an umbrella. */
  upstream: string[];
  severity: OsvSeverity[];
  dbSeverity: string | null;
  url: string | null;
  affected: { ecosystem: string; name: string; data: StoredAffected }[];
}

export class MalformedRecordError extends Error {}

function str(x: unknown): string | undefined {
  return typeof x === 'string' && x !== '' ? x : undefined;
}

function strArray(x: unknown): string[] {
  return Array.isArray(x) ? x.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

function severities(x: unknown): OsvSeverity[] {
  if (!Array.isArray(x)) return [];
  const out: OsvSeverity[] = [];
  for (const s of x) {
    if (s && typeof s === 'object' && typeof (s as OsvSeverity).type === 'string' && typeof (s as OsvSeverity).score === 'string') {
      out.push({ type: (s as OsvSeverity).type, score: (s as OsvSeverity).score });
    }
  }
  return out;
}

/**
 * The database key of an OSV ecosystem: lowercase, with release variants folded
 * ("Ubuntu:22.04:LTS" and "Ubuntu:Pro:22.04:LTS" -> "ubuntu:22.04", "Alpine:3.20.1" -> "alpine:v3.20",
 * "Debian:12.5" -> "debian:12").
 */
export function ecosystemKey(ecosystem: string): string {
  const base = baseEcosystem(ecosystem);
  const rest = ecosystem.slice(base.length + 1);
  const b = base.toLowerCase();
  if (!rest) return b;
  if (b === 'ubuntu') {
    const parts = rest.split(':').filter((p) => p !== 'LTS' && p !== 'Pro' && p !== 'FIPS' && p !== 'fips' && !/^fips/i.test(p));
    return `${b}:${parts.join(':')}`.toLowerCase();
  }
  if (b === 'alpine') {
    const m = /^v?(\d+)\.(\d+)/.exec(rest);
    return m ? `alpine:v${m[1]}.${m[2]}` : `alpine:${rest.toLowerCase()}`;
  }
  if (b === 'debian') {
    const m = /^(\d+)/.exec(rest);
    return m ? `debian:${m[1]}` : `debian:${rest.toLowerCase()}`;
  }
  return `${b}:${rest.toLowerCase()}`;
}

/** Package names as each ecosystem compares them. */
export function packageKey(ecosystem: string, name: string): string {
  switch (baseEcosystem(ecosystem)) {
    case 'PyPI':
      return normalizePypiName(name);
    case 'NuGet':
    case 'Packagist':
    case 'crates.io':
    case 'Debian':
    case 'Ubuntu':
    case 'Alpine':
    case 'Wolfi':
    case 'Chainguard':
      return name.toLowerCase();
    default:
      return name;
  }
}

/**
 * Checks and reduces one parsed OSV record. Throws MalformedRecordError when required fields are
 * missing or mistyped; returns undefined for a withdrawn record.
 */
export function normalizeRecord(raw: unknown): NormalizedRecord | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new MalformedRecordError('not a JSON object');
  const r = raw as Record<string, unknown>;
  const id = str(r.id);
  if (!id || id.length > 200) throw new MalformedRecordError('missing or invalid "id"');
  const modified = str(r.modified);
  if (!modified) throw new MalformedRecordError(`${id}: missing "modified"`);
  if (str(r.withdrawn)) return undefined;
  if (r.affected !== undefined && !Array.isArray(r.affected)) throw new MalformedRecordError(`${id}: "affected" is not an array`);
  // The work is split into small functions: the optimising compiler then compiles (and, when a
  // record of a new shape arrives, recompiles) each part alone rather than one large function.
  const affected: NormalizedRecord['affected'] = [];
  for (const a of (r.affected as unknown[] | undefined) ?? []) {
    const entry = normalizeAffected(a, id);
    if (entry) affected.push(entry);
  }
  const dbs = r.database_specific as Record<string, unknown> | undefined;
  return {
    id,
    modified,
    published: str(r.published) ?? null,
    summary: str(r.summary)?.slice(0, 500) ?? (str(r.details) ? firstLine(r.details as string) : null),
    aliases: strArray(r.aliases),
    upstream: strArray(r.upstream),
    severity: severities(r.severity),
    dbSeverity: str(dbs?.severity) ?? null,
    url: advisoryUrl(r.references),
    affected,
  };
}

/** One `affected` entry reduced, or undefined when it cannot match a catalogued package. */
function normalizeAffected(a: unknown, id: string): NormalizedRecord['affected'][number] | undefined {
  if (!a || typeof a !== 'object') throw new MalformedRecordError(`${id}: bad "affected" entry`);
  const aff = a as Record<string, unknown>;
  const pkg = aff.package as Record<string, unknown> | undefined;
  const eco = str(pkg?.ecosystem);
  const name = str(pkg?.name);
  if (!eco || !name) return undefined; // affected entries without a package name (e.g. GIT-only) cannot match a catalog
  const data: StoredAffected = {};
  let sawGit = false;
  if (aff.ranges !== undefined) {
    if (!Array.isArray(aff.ranges)) throw new MalformedRecordError(`${id}: "ranges" is not an array`);
    for (const rg of aff.ranges as unknown[]) {
      const range = rg as Record<string, unknown> | undefined;
      if (!range || typeof range !== 'object' || !Array.isArray(range.events)) throw new MalformedRecordError(`${id}: bad range`);
      if (range.type === 'GIT') {
        sawGit = true;
        continue;
      }
      if (range.type !== 'ECOSYSTEM' && range.type !== 'SEMVER') continue;
      (data.r ??= []).push({ t: range.type === 'SEMVER' ? 'S' : 'E', e: normalizeEvents(range.events as unknown[], id) });
    }
  }
  const versions = strArray(aff.versions);
  if (versions.length > 0) data.v = versions;
  const sev = severities(aff.severity);
  if (sev.length > 0) data.s = sev;
  const urgency = str((aff.ecosystem_specific as Record<string, unknown> | undefined)?.urgency);
  if (urgency) data.u = urgency;
  if (!data.r && !data.v) {
    if (sawGit) data.g = 1;
    else return undefined;
  }
  return { ecosystem: cachedEcosystemKey(eco), name: packageKey(eco, name), data };
}

function normalizeEvents(list: unknown[], id: string): OsvEvent[] {
  const events: OsvEvent[] = [];
  for (const ev of list) {
    if (!ev || typeof ev !== 'object') throw new MalformedRecordError(`${id}: bad event`);
    const e = ev as Record<string, unknown>;
    const out: OsvEvent = {};
    if (str(e.introduced)) out.introduced = e.introduced as string;
    else if (str(e.fixed)) out.fixed = e.fixed as string;
    else if (str(e.last_affected)) out.last_affected = e.last_affected as string;
    else if (str(e.limit)) out.limit = e.limit as string;
    else continue;
    events.push(out);
  }
  return events;
}

/** The advisory's own page when it lists one, else its first link. */
function advisoryUrl(references: unknown): string | null {
  const refs = Array.isArray(references) ? (references as { type?: unknown; url?: unknown }[]) : [];
  const advisory = refs.find((x) => x && x.type === 'ADVISORY' && typeof x.url === 'string') ?? refs.find((x) => x && typeof x.url === 'string');
  return advisory && typeof advisory.url === 'string' ? advisory.url : null;
}

const ecosystemKeys = new Map<string, string>();

/** A database holds a few dozen distinct ecosystem spellings: each is worked out once. */
function cachedEcosystemKey(ecosystem: string): string {
  let key = ecosystemKeys.get(ecosystem);
  if (key === undefined) {
    if (ecosystemKeys.size >= 1024) ecosystemKeys.clear();
    key = ecosystemKey(ecosystem);
    ecosystemKeys.set(ecosystem, key);
  }
  return key;
}

function firstLine(s: string): string {
  const line = s.trim().split(/\r?\n/)[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

/** A record reduced to the column values the database stores; cheap to pass between threads. */
export interface PreparedRecord {
  id: string;
  /** modified, published, summary, aliases, upstream, severity, db_severity, url */
  cols: (string | null)[];
  affected: [ecosystem: string, name: string, data: string][];
}

export function prepareRecord(rec: NormalizedRecord): PreparedRecord {
  const affected: PreparedRecord['affected'] = [];
  for (let i = 0; i < rec.affected.length; i++) {
    const a = rec.affected[i]!;
    affected.push([a.ecosystem, a.name, affectedJson(a.data)]);
  }
  return {
    id: rec.id,
    cols: [
      rec.modified,
      rec.published,
      rec.summary,
      rec.aliases.length ? stringsJson(rec.aliases) : null,
      rec.upstream.length ? stringsJson(rec.upstream) : null,
      rec.severity.length ? severitiesJson(rec.severity) : null,
      rec.dbSeverity,
      rec.url,
    ],
    affected,
  };
}

/*
 * The JSON the database stores, written out directly: the same text JSON.stringify gives for these
 * few fixed shapes, for less than a generic serialiser spends on each of the several calls a record
 * needs. A string with anything to escape (quote, backslash, control character, surrogate) goes
 * through JSON.stringify itself.
 */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function quote(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

function stringsJson(list: readonly string[]): string {
  let out = '[';
  for (let i = 0; i < list.length; i++) out += (i === 0 ? '' : ',') + quote(list[i]!);
  return out + ']';
}

function severitiesJson(list: readonly OsvSeverity[]): string {
  let out = '[';
  for (let i = 0; i < list.length; i++) out += `${i === 0 ? '' : ','}{"type":${quote(list[i]!.type)},"score":${quote(list[i]!.score)}}`;
  return out + ']';
}

function eventJson(e: OsvEvent): string {
  if (e.introduced !== undefined) return `{"introduced":${quote(e.introduced)}}`;
  if (e.fixed !== undefined) return `{"fixed":${quote(e.fixed)}}`;
  if (e.last_affected !== undefined) return `{"last_affected":${quote(e.last_affected)}}`;
  return e.limit !== undefined ? `{"limit":${quote(e.limit)}}` : '{}';
}

/** `JSON.stringify(data)` for what normalizeAffected builds (keys r, v, s, u, g in that order). */
export function affectedJson(data: StoredAffected): string {
  let out = '';
  if (data.r) {
    out += ',"r":[';
    for (let i = 0; i < data.r.length; i++) {
      const range = data.r[i]!;
      out += `${i === 0 ? '' : ','}{"t":"${range.t}","e":[`;
      for (let j = 0; j < range.e.length; j++) out += (j === 0 ? '' : ',') + eventJson(range.e[j]!);
      out += ']}';
    }
    out += ']';
  }
  if (data.v) out += `,"v":${stringsJson(data.v)}`;
  if (data.s) out += `,"s":${severitiesJson(data.s)}`;
  if (data.u !== undefined) out += `,"u":${quote(data.u)}`;
  if (data.g !== undefined) out += `,"g":${data.g}`;
  return out === '' ? '{}' : `{${out.slice(1)}}`;
}
