/**
 * Orders ids naturally (K8S-2 before K8S-10), as an ICU collator for English with numeric ordering
 * does. Ids made only of capital letters, digits and hyphens (every rule id, CVE and DSA ids) are
 * compared here directly, in the same order; anything else goes to one collator, made when first
 * needed: building it loads ICU's collation data, which costs a short scan more than its sorting.
 */
export function compareIds(a: string, b: string): number {
  if (PLAIN.test(a) && PLAIN.test(b)) return comparePlain(a, b);
  return (collator ??= new Intl.Collator('en', { numeric: true })).compare(a, b);
}

const PLAIN = /^[A-Z0-9-]*$/;
let collator: Intl.Collator | undefined;

/** Hyphens before digits before letters; digit runs by their value (leading zeros ignored). */
function comparePlain(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    const da = ca >= 0x30 && ca <= 0x39;
    const db = cb >= 0x30 && cb <= 0x39;
    if (da && db) {
      let ea = i;
      while (ea < a.length && isDigit(a.charCodeAt(ea))) ea++;
      let eb = j;
      while (eb < b.length && isDigit(b.charCodeAt(eb))) eb++;
      while (i < ea - 1 && a.charCodeAt(i) === 0x30) i++;
      while (j < eb - 1 && b.charCodeAt(j) === 0x30) j++;
      if (ea - i !== eb - j) return ea - i < eb - j ? -1 : 1;
      for (; i < ea; i++, j++) {
        const d = a.charCodeAt(i) - b.charCodeAt(j);
        if (d !== 0) return d < 0 ? -1 : 1;
      }
      continue;
    }
    const ra = rank(ca);
    const rb = rank(cb);
    if (ra !== rb) return ra < rb ? -1 : 1;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i++;
    j++;
  }
  if (i < a.length) return 1;
  if (j < b.length) return -1;
  return 0;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Collation classes: punctuation, digits, letters. */
function rank(c: number): number {
  return c === 0x2d ? 0 : isDigit(c) ? 1 : 2;
}
