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

export class MalformedRecordError extends Error {}

function str(x: unknown): string | undefined {
  return typeof x === 'string' && x !== '' ? x : undefined;
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

/**
 * Checks one parsed OSV record and reduces it straight to the values the database stores, in one
 * pass with no objects in between (the import reduces every record it reads). The JSON it writes
 * is what JSON.stringify gives for a StoredAffected and for the id and severity lists. Throws
 * MalformedRecordError when required fields are missing or mistyped; undefined for a withdrawn
 * record. The work is split into small functions: the optimising compiler then compiles (and,
 * when a record of a new shape arrives, recompiles) each part alone rather than one large one.
 */
export function reduceRecord(raw: unknown): PreparedRecord | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new MalformedRecordError('not a JSON object');
  const r = raw as Record<string, unknown>;
  const id = str(r.id);
  if (!id || id.length > 200) throw new MalformedRecordError('missing or invalid "id"');
  const modified = str(r.modified);
  if (!modified) throw new MalformedRecordError(`${id}: missing "modified"`);
  if (str(r.withdrawn)) return undefined;
  const list = r.affected;
  if (list !== undefined && !Array.isArray(list)) throw new MalformedRecordError(`${id}: "affected" is not an array`);
  const affected: PreparedRecord['affected'] = [];
  if (list) {
    for (let i = 0; i < list.length; i++) {
      const row = reduceAffected(list[i], id);
      if (row) affected.push(row);
    }
  }
  const dbs = r.database_specific as Record<string, unknown> | undefined;
  return {
    id,
    cols: [
      modified,
      str(r.published) ?? null,
      str(r.summary)?.slice(0, 500) ?? (str(r.details) ? firstLine(r.details as string) : null),
      stringListJson(r.aliases),
      stringListJson(r.upstream),
      severityListJson(r.severity),
      str(dbs?.severity) ?? null,
      advisoryUrl(r.references),
    ],
    affected,
  };
}

/**
 * One `affected` entry as a database row: ECOSYSTEM and SEMVER ranges (GIT ranges cannot be
 * evaluated against a version), versions, per-package severity and distro urgency. Undefined when
 * it cannot match a catalogued package: no package name (e.g. GIT-only entries), or neither ranges
 * nor versions nor GIT ranges.
 */
function reduceAffected(a: unknown, id: string): [ecosystem: string, name: string, data: string] | undefined {
  if (!a || typeof a !== 'object') throw new MalformedRecordError(`${id}: bad "affected" entry`);
  const aff = a as Record<string, unknown>;
  const pkg = aff.package as Record<string, unknown> | undefined;
  const eco = str(pkg?.ecosystem);
  const name = str(pkg?.name);
  if (!eco || !name) return undefined;
  let ranges = '';
  let sawGit = false;
  const list = aff.ranges;
  if (list !== undefined) {
    if (!Array.isArray(list)) throw new MalformedRecordError(`${id}: "ranges" is not an array`);
    for (let i = 0; i < list.length; i++) {
      const range = list[i] as Record<string, unknown> | undefined;
      if (!range || typeof range !== 'object' || !Array.isArray(range.events)) throw new MalformedRecordError(`${id}: bad range`);
      const type = range.type;
      if (type === 'GIT') {
        sawGit = true;
        continue;
      }
      if (type !== 'ECOSYSTEM' && type !== 'SEMVER') continue;
      ranges += `${ranges === '' ? '' : ','}{"t":"${type === 'SEMVER' ? 'S' : 'E'}","e":[${eventsJson(range.events as unknown[], id)}]}`;
    }
  }
  const versions = stringListJson(aff.versions);
  let out = '';
  if (ranges !== '') out += `,"r":[${ranges}]`;
  if (versions !== null) out += `,"v":${versions}`;
  const sev = severityListJson(aff.severity);
  if (sev !== null) out += `,"s":${sev}`;
  const urgency = str((aff.ecosystem_specific as Record<string, unknown> | undefined)?.urgency);
  if (urgency) out += `,"u":${quote(urgency)}`;
  if (ranges === '' && versions === null) {
    if (!sawGit) return undefined;
    out += ',"g":1';
  }
  return [cachedEcosystemKey(eco), packageKey(eco, name), `{${out.slice(1)}}`];
}

/** A range's events as JSON: each keeps its first non-empty field of introduced, fixed, last_affected, limit. */
function eventsJson(list: unknown[], id: string): string {
  let out = '';
  for (let i = 0; i < list.length; i++) {
    const ev = list[i];
    if (!ev || typeof ev !== 'object') throw new MalformedRecordError(`${id}: bad event`);
    const e = ev as Record<string, unknown>;
    let one: string;
    if (str(e.introduced)) one = `{"introduced":${quote(e.introduced as string)}}`;
    else if (str(e.fixed)) one = `{"fixed":${quote(e.fixed as string)}}`;
    else if (str(e.last_affected)) one = `{"last_affected":${quote(e.last_affected as string)}}`;
    else if (str(e.limit)) one = `{"limit":${quote(e.limit as string)}}`;
    else continue;
    out += out === '' ? one : `,${one}`;
  }
  return out;
}

/** The non-empty strings of a list as JSON, or null when there are none. */
function stringListJson(x: unknown): string | null {
  if (!Array.isArray(x)) return null;
  let out = '';
  for (let i = 0; i < x.length; i++) {
    const v: unknown = x[i];
    if (typeof v === 'string' && v !== '') out += `${out === '' ? '' : ','}${quote(v)}`;
  }
  return out === '' ? null : `[${out}]`;
}

/** The severities with a string type and score, as JSON, or null when there are none. */
function severityListJson(x: unknown): string | null {
  if (!Array.isArray(x)) return null;
  let out = '';
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as OsvSeverity | undefined;
    if (v && typeof v === 'object' && typeof v.type === 'string' && typeof v.score === 'string') {
      out += `${out === '' ? '' : ','}{"type":${quote(v.type)},"score":${quote(v.score)}}`;
    }
  }
  return out === '' ? null : `[${out}]`;
}

/** A record reduced to the column values the database stores; cheap to pass between threads. */
export interface PreparedRecord {
  id: string;
  /** modified, published, summary, aliases, upstream, severity, db_severity, url */
  cols: (string | null)[];
  affected: [ecosystem: string, name: string, data: string][];
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
