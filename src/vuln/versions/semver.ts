/** Semantic Versioning 2.0.0 ordering (npm, crates.io, OSV SEMVER ranges, Go modules). */
export interface SemVer {
  major: bigint;
  minor: bigint;
  patch: bigint;
  pre: (string | bigint)[];
  build: string;
}

const RE = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/;

/**
 * Parses a version. `strict` requires all three numbers (SemVer proper); without it a missing
 * minor or patch is 0, which OSV SEMVER ranges and npm's loose versions need.
 */
export function parseSemver(v: string, strict = false): SemVer | undefined {
  const m = RE.exec(v.trim().replace(/^[=\s]+/, ''));
  if (!m) return undefined;
  if (strict && (m[2] === undefined || m[3] === undefined)) return undefined;
  const pre = m[4] ? m[4].split('.').map((x) => (/^\d+$/.test(x) ? BigInt(x) : x)) : [];
  if (m[4] && m[4].split('.').some((x) => x === '')) return undefined;
  return { major: BigInt(m[1]!), minor: BigInt(m[2] ?? 0), patch: BigInt(m[3] ?? 0), pre, build: m[5] ?? '' };
}

function cmpBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareSemverParsed(a: SemVer, b: SemVer): number {
  const c = cmpBig(a.major, b.major) || cmpBig(a.minor, b.minor) || cmpBig(a.patch, b.patch);
  if (c !== 0) return c;
  if (a.pre.length === 0 || b.pre.length === 0) return b.pre.length - a.pre.length === 0 ? 0 : a.pre.length === 0 ? 1 : -1;
  const n = Math.max(a.pre.length, b.pre.length);
  for (let i = 0; i < n; i++) {
    const x = a.pre[i];
    const y = b.pre[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === 'bigint' && typeof y === 'bigint') {
      const d = cmpBig(x, y);
      if (d !== 0) return d;
    } else if (typeof x === 'bigint') return -1;
    else if (typeof y === 'bigint') return 1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Build metadata does not take part in ordering. */
const cache = new Map<string, SemVer | undefined>();
export function cachedParse(v: string): SemVer | undefined {
  let p = cache.get(v);
  if (p === undefined && !cache.has(v)) {
    if (cache.size > 100_000) cache.clear();
    p = parseSemver(v);
    cache.set(v, p);
  }
  return p;
}

export function compareSemver(a: string, b: string): number {
  const x = cachedParse(a);
  const y = cachedParse(b);
  if (!x || !y) throw new Error(`invalid semantic version: ${!x ? a : b}`);
  return compareSemverParsed(x, y);
}

/**
 * Go module versions: `vMAJOR.MINOR.PATCH[-pre][+incompatible]`; pseudo-versions
 * (`v0.0.0-20191109021931-daa7c04131f5`, `v1.2.4-0.2019…`) are prereleases and order as such.
 * The Go toolchain (`stdlib`) is also accepted as `go1.21.5`, `go1.21rc2`, `1.21`.
 */
export function normalizeGo(v: string): string {
  let s = v.trim();
  if (s.startsWith('go')) s = s.slice(2);
  if (s.startsWith('v')) s = s.slice(1);
  // Toolchain prereleases: 1.21rc2 -> 1.21.0-rc.2, 1.9beta1 -> 1.9.0-beta.1.
  const tool = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?(rc|beta|alpha)(\d+)$/.exec(s);
  if (tool) return `${tool[1]}.${tool[2] ?? 0}.${tool[3] ?? 0}-${tool[4]}.${tool[5]}`;
  return s;
}

export function compareGo(a: string, b: string): number {
  return compareSemver(normalizeGo(a), normalizeGo(b));
}
