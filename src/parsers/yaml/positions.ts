/**
 * Offsets of the nodes of one YAML document, read from the post-order log (start, end, childCount
 * triples) that the parser wrote. Nodes are numbered in post-order; on first use one array of
 * subtree sizes is computed, which is enough to walk from a node to its children without building
 * a tree of objects (most documents with a finding are asked for a handful of paths).
 */
export class PositionIndex {
  private sizes: Int32Array | undefined;

  constructor(
    private readonly text: string,
    private readonly log: readonly number[],
    private readonly from: number,
    private readonly to: number,
  ) {}

  private get count(): number {
    return (this.to - this.from) / 3;
  }

  private start(k: number): number {
    return this.log[this.from + 3 * k]!;
  }

  private end(k: number): number {
    return this.log[this.from + 3 * k + 1]!;
  }

  private childCount(k: number): number {
    return this.log[this.from + 3 * k + 2]!;
  }

  /** Subtree sizes in post-order: a node's children end just before it, last child first. */
  private subtreeSizes(): Int32Array {
    if (this.sizes) return this.sizes;
    const n = this.count;
    const sizes = new Int32Array(n);
    if (STACK.length < n) STACK = new Int32Array(Math.max(n, STACK.length * 2));
    const stack = STACK;
    let top = 0;
    for (let k = 0; k < n; k++) {
      let size = 1;
      for (let c = this.childCount(k); c > 0 && top > 0; c--) size += sizes[stack[--top]!]!;
      sizes[k] = size;
      stack[top++] = k;
    }
    return (this.sizes = sizes);
  }

  /**
   * The children of node k, left to right, written into the scratch list KIDS; returns how many.
   * (A count, not an array's length: setting an array's length is a call into the runtime.)
   */
  private children(k: number): number {
    const sizes = this.subtreeSizes();
    const c = this.childCount(k);
    if (KIDS.length < c) KIDS = new Int32Array(Math.max(c, KIDS.length * 2));
    const kids = KIDS;
    let j = k - 1;
    let i = c - 1;
    for (; i >= 0 && j >= 0; i--) {
      kids[i] = j;
      j -= sizes[j]!;
    }
    if (i < 0) return c;
    // Fewer nodes than the log announced: keep those found, moved to the front.
    kids.copyWithin(0, i + 1, c);
    return c - (i + 1);
  }

  /**
   * The offsets of the deepest node on `pointer`. For a mapping entry the range runs from the key
   * to the end of its value, so a finding points at the offending field, not at the document.
   */
  locate(pointer: ReadonlyArray<string | number>): { start: number; end: number } {
    if (this.count <= 0) return { start: 0, end: 0 };
    let node = this.count - 1;
    let start = -1;
    for (let p = 0; p < pointer.length; p++) {
      const key = pointer[p]!;
      let count = this.children(node);
      // A flow collection inside a block sequence is logged twice: unwrap the outer copy.
      while (count === 1 && this.start(KIDS[0]!) === this.start(node) && this.end(KIDS[0]!) === this.end(node)) {
        node = KIDS[0]!;
        count = this.children(node);
      }
      let next: number | undefined;
      let keyNode = -1;
      if (typeof key === 'number') {
        next = key >= 0 && key < count ? KIDS[key]! : undefined;
      } else {
        const want = String(key);
        for (let i = 0; i + 1 < count; i += 2) {
          if (this.keyIs(KIDS[i]!, want)) {
            keyNode = KIDS[i]!;
            next = KIDS[i + 1]!;
            break;
          }
        }
      }
      if (next === undefined) break;
      node = next;
      start = keyNode >= 0 ? this.skipSpace(this.start(keyNode)) : -1;
    }
    const value = this.valueRange(node);
    return start >= 0 ? { start, end: value.end } : value;
  }

  /** Whether a key node's text is `want`, comparing plain keys in place. */
  private keyIs(node: number, want: string): boolean {
    const text = this.text;
    const s = this.skipSpace(this.start(node));
    let e = this.end(node);
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    const c = text.charCodeAt(s);
    if (c !== 0x22 /* " */ && c !== 0x27 /* ' */ && c !== 0x3f /* ? */) return e - s === want.length && text.startsWith(want, s);
    return this.keyText(node) === want;
  }

  private keyText(node: number): string {
    let raw = this.text.slice(this.skipSpace(this.start(node)), this.end(node)).trim();
    if (raw.startsWith('? ')) raw = raw.slice(2).trim();
    if (raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0]) {
      const inner = raw.slice(1, -1);
      if (raw[0] === '"') {
        try {
          return JSON.parse(raw) as string;
        } catch {
          return inner;
        }
      }
      return inner.replace(/''/g, "'");
    }
    return raw;
  }

  private valueRange(node: number): { start: number; end: number } {
    const start = this.skipSpace(this.start(node));
    let end = this.end(node);
    while (end > start && isSpace(this.text.charCodeAt(end - 1))) end--;
    return { start, end: Math.max(start, end) };
  }

  /** Skips whitespace, comments and the `- ` of a sequence entry before a node. */
  private skipSpace(offset: number): number {
    const text = this.text;
    let i = offset;
    for (;;) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) i++;
      else if (c === 0x23 /* # */) {
        const nl = text.indexOf('\n', i);
        if (nl === -1) return text.length;
        i = nl + 1;
      } else return i;
    }
  }
}

/** Scratch list of child nodes, grown to the most children met; `locate` is not re-entrant. */
let KIDS = new Int32Array(64);
/** Scratch stack of `subtreeSizes`, grown to the largest document met. */
let STACK = new Int32Array(1024);

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
