import { memo } from './memo.js';
/**
 * PEP 440 version ordering (PyPI): epoch, release (trailing zeros ignored), pre-release
 * (a < b < rc), post-release, development release, local version label. A dev release of a final
 * (`1.0.dev1`) sorts before its pre-releases; local versions sort after the public version.
 */
const RE =
  /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\d*))?(?:-(\d+)|[-_.]?(post|rev|r)[-_.]?(\d*))?(?:[-_.]?(dev)[-_.]?(\d*))?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$/i;

export interface Pep440 {
  epoch: number;
  release: number[];
  /** [kind 0=a,1=b,2=rc, number] */
  pre?: [number, number];
  post?: number;
  dev?: number;
  local?: (string | number)[];
}

export function parsePep440(v: string): Pep440 | undefined {
  const m = RE.exec(v.trim());
  if (!m) return undefined;
  const release = m[2]!.split('.').map(Number);
  while (release.length > 1 && release[release.length - 1] === 0) release.pop();
  const out: Pep440 = { epoch: m[1] ? Number(m[1]) : 0, release };
  if (m[3]) {
    const k = m[3].toLowerCase();
    out.pre = [k.startsWith('a') ? 0 : k.startsWith('b') ? 1 : 2, m[4] ? Number(m[4]) : 0];
  }
  if (m[5] !== undefined) out.post = Number(m[5]);
  else if (m[6]) out.post = m[7] ? Number(m[7]) : 0;
  if (m[8]) out.dev = m[9] ? Number(m[9]) : 0;
  if (m[10]) out.local = m[10].toLowerCase().split(/[-_.]/).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
  return out;
}

function cmp(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cmpRelease(a: number[], b: number[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = cmp(a[i] ?? 0, b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The pre-release key: a dev-only release sorts below any pre-release; a final sorts above. */
function preKey(v: Pep440): [number, number, number] {
  if (v.pre) return [1, v.pre[0], v.pre[1]];
  if (v.dev !== undefined && v.post === undefined) return [0, 0, 0];
  return [2, 0, 0];
}

export function comparePep440Parsed(a: Pep440, b: Pep440): number {
  let d = cmp(a.epoch, b.epoch) || cmpRelease(a.release, b.release);
  if (d !== 0) return d;
  const pa = preKey(a);
  const pb = preKey(b);
  d = cmp(pa[0], pb[0]) || cmp(pa[1], pb[1]) || cmp(pa[2], pb[2]);
  if (d !== 0) return d;
  d = cmp(a.post ?? -1, b.post ?? -1);
  if (d !== 0) return d;
  d = cmp(a.dev ?? Infinity, b.dev ?? Infinity);
  if (d !== 0) return d;
  if (!a.local || !b.local) return a.local ? 1 : b.local ? -1 : 0;
  const n = Math.max(a.local.length, b.local.length);
  for (let i = 0; i < n; i++) {
    const x = a.local[i];
    const y = b.local[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === 'number' && typeof y === 'number') d = cmp(x, y);
    else if (typeof x === 'number') d = 1;
    else if (typeof y === 'number') d = -1;
    else d = x < y ? -1 : x > y ? 1 : 0;
    if (d !== 0) return d;
  }
  return 0;
}

export const parseCached = memo(parsePep440);

export function comparePep440(a: string, b: string): number {
  const x = parseCached(a);
  const y = parseCached(b);
  if (!x || !y) throw new Error(`invalid PEP 440 version: ${!x ? a : b}`);
  return comparePep440Parsed(x, y);
}

/** PEP 503 name normalization. */
export function normalizePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
