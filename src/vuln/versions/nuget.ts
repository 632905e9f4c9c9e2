import { memo } from './memo.js';
/**
 * NuGet ordering: up to four numeric parts (missing parts are 0), SemVer 2.0 prerelease labels
 * compared case-insensitively, build metadata ignored.
 */
interface NuGetVersion {
  nums: bigint[];
  pre: string[];
}

export function parseNuGet(v: string): NuGetVersion | undefined {
  const m = /^v?(\d+(?:\.\d+){0,3})(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(v.trim());
  if (!m) return undefined;
  const nums = m[1]!.split('.').map((x) => BigInt(x));
  while (nums.length < 4) nums.push(0n);
  return { nums, pre: m[2] ? m[2].split('.') : [] };
}

export const parseCached = memo(parseNuGet);

export function compareNuGet(a: string, b: string): number {
  const x = parseCached(a);
  const y = parseCached(b);
  if (!x || !y) throw new Error(`invalid NuGet version: ${!x ? a : b}`);
  for (let i = 0; i < 4; i++) {
    if (x.nums[i]! !== y.nums[i]!) return x.nums[i]! < y.nums[i]! ? -1 : 1;
  }
  if (x.pre.length === 0 || y.pre.length === 0) return x.pre.length === y.pre.length ? 0 : x.pre.length === 0 ? 1 : -1;
  const n = Math.max(x.pre.length, y.pre.length);
  for (let i = 0; i < n; i++) {
    const l = x.pre[i];
    const r = y.pre[i];
    if (l === undefined) return -1;
    if (r === undefined) return 1;
    const ln = /^\d+$/.test(l);
    const rn = /^\d+$/.test(r);
    if (ln && rn) {
      const d = BigInt(l) - BigInt(r);
      if (d !== 0n) return d < 0n ? -1 : 1;
    } else if (ln) return -1;
    else if (rn) return 1;
    else {
      const lu = l.toLowerCase();
      const ru = r.toLowerCase();
      if (lu !== ru) return lu < ru ? -1 : 1;
    }
  }
  return 0;
}
