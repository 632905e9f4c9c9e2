import { memo } from './memo.js';
/**
 * Maven version ordering after ComparableVersion: items split at `.` and `-` and at digit/letter
 * transitions; a `-` or a transition opens a sub-list; trailing "null" items (0, "", final, ga,
 * release) are dropped; qualifiers order alpha < beta < milestone < rc = cr < snapshot < "" < sp,
 * then unknown qualifiers alphabetically.
 */
type Item = { t: 'int'; v: bigint } | { t: 'str'; v: string } | { t: 'list'; v: Item[] };

const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES: Record<string, string> = { ga: '', final: '', release: '', cr: 'rc' };

function qualifierKey(q: string): string {
  const i = QUALIFIERS.indexOf(q);
  return i >= 0 ? String(i) : `${QUALIFIERS.length}-${q}`;
}

function strItem(s: string, followedByDigit: boolean): Item {
  let v = s;
  if (followedByDigit && v.length === 1) {
    // "a1" -> alpha-1, "b2" -> beta-2, "m3" -> milestone-3.
    if (v === 'a') v = 'alpha';
    else if (v === 'b') v = 'beta';
    else if (v === 'm') v = 'milestone';
  }
  v = ALIASES[v] ?? v;
  return { t: 'str', v };
}

function isNull(it: Item): boolean {
  if (it.t === 'int') return it.v === 0n;
  if (it.t === 'str') return it.v === '';
  return it.v.length === 0;
}

function normalize(list: Item[]): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const it = list[i]!;
    if (isNull(it)) list.splice(i, 1);
    else if (it.t !== 'list') break;
  }
}

export function parseMaven(version: string): Item {
  const s = version.toLowerCase();
  const root: Item[] = [];
  let list = root;
  const stack: Item[][] = [root];
  let isDigit = false;
  let start = 0;
  const push = (i: number, nextIsDigit: boolean) => {
    const tok = s.slice(start, i);
    if (isDigit) list.push({ t: 'int', v: BigInt(tok === '' ? '0' : tok) });
    else list.push(strItem(tok, nextIsDigit));
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '.') {
      if (i === start) list.push({ t: 'int', v: 0n });
      else push(i, false);
      start = i + 1;
    } else if (c === '-') {
      if (i === start) list.push({ t: 'int', v: 0n });
      else push(i, false);
      start = i + 1;
      const sub: Item[] = [];
      list.push({ t: 'list', v: sub });
      list = sub;
      stack.push(sub);
    } else if (c >= '0' && c <= '9') {
      if (!isDigit && i > start) {
        list.push(strItem(s.slice(start, i), true));
        start = i;
        const sub: Item[] = [];
        list.push({ t: 'list', v: sub });
        list = sub;
        stack.push(sub);
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        push(i, false);
        start = i;
        const sub: Item[] = [];
        list.push({ t: 'list', v: sub });
        list = sub;
        stack.push(sub);
      }
      isDigit = false;
    }
  }
  if (s.length > start) push(s.length, false);
  while (stack.length > 0) normalize(stack.pop()!);
  return { t: 'list', v: root };
}

/** Compare item `a` (may be undefined = null item) with `b`. */
function cmpItem(a: Item | undefined, b: Item | undefined): number {
  if (a === undefined) {
    if (b === undefined) return 0;
    return -cmpItem(b, undefined);
  }
  if (a.t === 'int') {
    if (b === undefined) return a.v === 0n ? 0 : 1;
    if (b.t === 'int') return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
    return 1; // int > string, int > list
  }
  if (a.t === 'str') {
    if (b === undefined) {
      const k = qualifierKey(a.v);
      const e = qualifierKey('');
      return k < e ? -1 : k > e ? 1 : 0;
    }
    if (b.t === 'int' || b.t === 'list') return -1;
    const x = qualifierKey(a.v);
    const y = qualifierKey(b.v);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  // list
  if (b === undefined) {
    if (a.v.length === 0) return 0;
    return cmpItem(a.v[0], undefined);
  }
  if (b.t === 'int') return -1;
  if (b.t === 'str') return 1;
  const n = Math.max(a.v.length, b.v.length);
  for (let i = 0; i < n; i++) {
    const l = a.v[i];
    const r = b.v[i];
    const d = l === undefined ? -cmpItem(r, undefined) : cmpItem(l, r);
    if (d !== 0) return d;
  }
  return 0;
}

export const parseCached = memo((v: string) => parseMaven(v.trim()));

export function compareMaven(a: string, b: string): number {
  return cmpItem(parseCached(a), parseCached(b));
}
