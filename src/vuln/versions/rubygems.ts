import { memo } from './memo.js';
/**
 * RubyGems ordering (Gem::Version): segments of digits or letters; a letter segment makes a
 * prerelease and sorts below any number; trailing zero segments are ignored; `-` means `.pre.`.
 */
type Seg = number | string;

function segments(v: string): Seg[] {
  const s = v.trim().replace(/-/g, '.pre.');
  const out: Seg[] = [];
  for (const m of s.matchAll(/[0-9]+|[a-z]+/gi)) out.push(/^\d/.test(m[0]) ? Number(m[0]) : m[0]);
  // Canonical form: drop trailing zeros of the release part and of the prerelease part.
  const firstStr = out.findIndex((x) => typeof x === 'string');
  const rel = firstStr < 0 ? out : out.slice(0, firstStr);
  const pre = firstStr < 0 ? [] : out.slice(firstStr);
  while (rel.length > 0 && rel[rel.length - 1] === 0) rel.pop();
  while (pre.length > 0 && pre[pre.length - 1] === 0) pre.pop();
  return [...rel, ...pre];
}

export function isValidGem(v: string): boolean {
  return /^\s*[0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?\s*$/.test(v) || /^\s*$/.test(v);
}

const segmentsCached = memo(segments);
export const isValidGemCached = memo(isValidGem);

export function compareGem(a: string, b: string): number {
  const x = segmentsCached(a);
  const y = segmentsCached(b);
  const n = Math.max(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const l = x[i] ?? 0;
    const r = y[i] ?? 0;
    if (l === r) continue;
    if (typeof l === 'string' && typeof r === 'number') return -1;
    if (typeof l === 'number' && typeof r === 'string') return 1;
    return l < r ? -1 : 1;
  }
  return 0;
}
