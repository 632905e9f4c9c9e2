import { memo } from './memo.js';
/**
 * Composer (Packagist) ordering: Composer's normalization (strip `v`, stability suffixes
 * `dev < alpha < beta < RC < stable < patch`) and then PHP's version_compare.
 */
const SPECIAL: Record<string, number> = { dev: 0, alpha: 1, a: 1, beta: 2, b: 2, rc: 3, '#': 4, pl: 5, p: 5 };

/** PHP's canonicalization: separators to `.`, a `.` between digit/letter transitions. */
function canon(v: string): string[] {
  const s = v.replace(/[-_+]/g, '.');
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const prev = out[out.length - 1];
    if (c === '.') {
      if (prev !== '.') out += '.';
      continue;
    }
    const isD = c >= '0' && c <= '9';
    if (prev !== undefined && prev !== '.') {
      const prevD = prev >= '0' && prev <= '9';
      if (prevD !== isD) out += '.';
    }
    out += c;
  }
  return out.split('.').filter((x) => x !== '');
}

function special(s: string): number {
  // PHP compares the known forms by prefix; anything else sorts below "dev".
  const l = s.toLowerCase();
  for (const k of ['dev', 'alpha', 'beta', 'rc', 'pl', 'a', 'b', 'p', '#']) {
    if (l.startsWith(k)) return SPECIAL[k]!;
  }
  return -1;
}

function cmpPart(a: string, b: string): number {
  const ad = /^\d+$/.test(a);
  const bd = /^\d+$/.test(b);
  if (ad && bd) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = ad ? SPECIAL['#']! : special(a);
  const y = bd ? SPECIAL['#']! : special(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** PHP's version_compare. */
export function phpVersionCompare(a: string, b: string): number {
  return comparePartLists(canon(a), canon(b));
}

function comparePartLists(x: string[], y: string[]): number {
  const n = Math.max(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const l = x[i];
    const r = y[i];
    if (l === undefined) {
      // The longer one wins if its extra part is a number; a trailing pre-release makes it smaller.
      return /^\d/.test(r!) ? -1 : cmpPart('#', r!);
    }
    if (r === undefined) return /^\d/.test(l) ? 1 : cmpPart(l, '#');
    const d = cmpPart(l, r);
    if (d !== 0) return d;
  }
  return 0;
}

export function normalizeComposer(v: string): string {
  let s = v.trim();
  if (/^v\d/i.test(s)) s = s.slice(1);
  // "1.0.0-stable" and "1.0.0.0" spellings.
  s = s.replace(/[-.]?stable$/i, '');
  const m = /^(\d+(?:\.\d+)*)(.*)$/.exec(s);
  if (!m) return s;
  const nums = m[1]!.split('.');
  while (nums.length < 4) nums.push('0');
  return nums.join('.') + m[2]!;
}

const composerParts = memo((v: string) => canon(normalizeComposer(v)));

export function compareComposer(a: string, b: string): number {
  return comparePartLists(composerParts(a), composerParts(b));
}
