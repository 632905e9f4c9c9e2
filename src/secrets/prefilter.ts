const FOLD = new Uint8Array(256);
for (let i = 0; i < 256; i++) FOLD[i] = i >= 65 && i <= 90 ? i + 32 : i;

interface Candidate {
  bytes: Uint8Array;
  index: number;
}

/**
 * Finds keywords (ASCII, case-insensitive, at least 3 bytes) in raw bytes, so that lines without a
 * keyword never reach a regular expression and files without one are never decoded. Two 64 KiB
 * tables, indexed by a pair of bytes with every case variant registered, stay in cache: the first
 * says which pairs start a keyword and holds a mask of the low 3 bits of the third byte (which
 * ASCII case does not change); the second which pairs occur at bytes 1-2. Most positions cost one
 * load; candidates are then compared in full.
 */
export class KeywordPrefilter {
  private readonly pairs = new Uint8Array(65536);
  private readonly second = new Uint8Array(65536);
  private readonly byPair: (Candidate[] | undefined)[] = new Array(65536).fill(undefined);

  constructor(readonly keywords: readonly string[]) {
    keywords.forEach((k, index) => {
      const bytes = Buffer.from(k.toLowerCase(), 'latin1');
      if (bytes.length < 3) throw new Error(`keyword too short: ${k}`);
      const bit = 1 << (bytes[2]! & 7);
      for (const x of variants(bytes[0]!)) for (const y of variants(bytes[1]!)) this.pairs[(x << 8) | y]! |= bit;
      for (const x of variants(bytes[1]!)) for (const y of variants(bytes[2]!)) this.second[(x << 8) | y] = 1;
      const key = (bytes[0]! << 8) | bytes[1]!;
      (this.byPair[key] ??= []).push({ bytes, index });
    });
  }

  /** Calls `hit(offset, keywordIndex)` for each keyword occurrence, in increasing offset order. */
  scan(buf: Uint8Array, end: number, hit: (offset: number, keyword: number) => void): void {
    const pairs = this.pairs;
    const second = this.second;
    const last = end - 2;
    if (last <= 0) return;
    let prev = buf[0]!;
    for (let i = 1; i <= last; i++) {
      const b = buf[i]!;
      const mask = pairs[(prev << 8) | b]!;
      prev = b;
      if (mask === 0) continue;
      const c = buf[i + 1]!;
      if ((mask & (1 << (c & 7))) === 0 || second[(b << 8) | c] === 0) continue;
      const start = i - 1;
      const list = this.byPair[(FOLD[buf[start]!]! << 8) | FOLD[b]!];
      if (list === undefined) continue;
      for (const cand of list) {
        const kb = cand.bytes;
        if (start + kb.length > end) continue;
        let j = 2;
        while (j < kb.length && FOLD[buf[start + j]!] === kb[j]) j++;
        if (j === kb.length) hit(start, cand.index);
      }
    }
  }
}

function variants(b: number): number[] {
  if (b >= 97 && b <= 122) return [b, b - 32];
  return [b];
}
