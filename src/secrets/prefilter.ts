const FOLD = new Uint8Array(256);
for (let i = 0; i < 256; i++) FOLD[i] = i >= 65 && i <= 90 ? i + 32 : i;

/**
 * Finds keywords (ASCII, case-insensitive) in raw bytes with a two-byte table, so that lines
 * without any keyword never reach a regular expression, and files without one are never decoded.
 */
export class KeywordPrefilter {
  private readonly table = new Uint8Array(65536);
  private readonly byPair = new Map<number, { bytes: Uint8Array; index: number }[]>();

  constructor(readonly keywords: readonly string[]) {
    keywords.forEach((k, index) => {
      const bytes = Buffer.from(k.toLowerCase(), 'latin1');
      if (bytes.length < 2) throw new Error(`keyword too short: ${k}`);
      const a = bytes[0]!;
      const b = bytes[1]!;
      for (const x of variants(a)) for (const y of variants(b)) this.table[(x << 8) | y] = 1;
      const key = (a << 8) | b;
      let list = this.byPair.get(key);
      if (!list) this.byPair.set(key, (list = []));
      list.push({ bytes, index });
    });
  }

  /** Calls `hit(offset, keywordIndex)` for each keyword occurrence, in increasing offset order. */
  scan(buf: Uint8Array, end: number, hit: (offset: number, keyword: number) => void): void {
    const table = this.table;
    const last = end - 1;
    for (let i = 0; i < last; i++) {
      if (table[(buf[i]! << 8) | buf[i + 1]!] === 0) continue;
      const list = this.byPair.get((FOLD[buf[i]!]! << 8) | FOLD[buf[i + 1]!]!);
      if (!list) continue;
      for (const cand of list) {
        const kb = cand.bytes;
        if (i + kb.length > end) continue;
        let j = 2;
        while (j < kb.length && FOLD[buf[i + j]!] === kb[j]) j++;
        if (j === kb.length) hit(i, cand.index);
      }
    }
  }
}

function variants(b: number): number[] {
  if (b >= 97 && b <= 122) return [b, b - 32];
  return [b];
}
