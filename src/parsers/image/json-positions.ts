interface JsonNode {
  start: number;
  end: number;
  /** Object members: key start offset and value node. */
  members?: Map<string, { keyStart: number; value: JsonNode }>;
  items?: JsonNode[];
}

/**
 * Offsets of the values of a JSON text, built on first use: `locate(pointer)` gives the range of
 * the deepest node on the pointer, from the member's key to the end of its value.
 */
export class JsonPositions {
  private root: JsonNode | null | undefined;
  private i = 0;

  constructor(private readonly text: string, private readonly maxDepth = 256) {}

  locate(pointer: ReadonlyArray<string | number>): { start: number; end: number } {
    if (this.root === undefined) {
      try {
        this.i = 0;
        this.root = this.value(0);
      } catch {
        this.root = null;
      }
    }
    let node = this.root;
    if (!node) return { start: 0, end: this.text.length };
    let range = { start: node.start, end: node.end };
    for (const key of pointer) {
      if (typeof key === 'number' && node.items) {
        const next: JsonNode | undefined = node.items[key];
        if (!next) break;
        node = next;
        range = { start: next.start, end: next.end };
      } else if (node.members) {
        const m = node.members.get(String(key));
        if (!m) break;
        node = m.value;
        range = { start: m.keyStart, end: m.value.end };
      } else break;
    }
    return range;
  }

  private ws(): void {
    const t = this.text;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.i++;
      else break;
    }
  }

  private string(): string {
    const t = this.text;
    const start = this.i;
    this.i++;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c === 0x5c) this.i += 2;
      else if (c === 0x22) {
        this.i++;
        return JSON.parse(t.slice(start, this.i)) as string;
      } else this.i++;
    }
    throw new Error('unterminated string');
  }

  private value(depth: number): JsonNode {
    if (depth > this.maxDepth) throw new Error('too deep');
    this.ws();
    const t = this.text;
    const start = this.i;
    const c = t[this.i];
    if (c === '{') {
      this.i++;
      const members = new Map<string, { keyStart: number; value: JsonNode }>();
      this.ws();
      if (t[this.i] === '}') {
        this.i++;
        return { start, end: this.i, members };
      }
      for (;;) {
        this.ws();
        const keyStart = this.i;
        if (t[this.i] !== '"') throw new Error('expected key');
        const key = this.string();
        this.ws();
        if (t[this.i] !== ':') throw new Error('expected colon');
        this.i++;
        const value = this.value(depth + 1);
        if (!members.has(key)) members.set(key, { keyStart, value });
        this.ws();
        if (t[this.i] === ',') {
          this.i++;
          continue;
        }
        if (t[this.i] === '}') {
          this.i++;
          return { start, end: this.i, members };
        }
        throw new Error('expected , or }');
      }
    }
    if (c === '[') {
      this.i++;
      const items: JsonNode[] = [];
      this.ws();
      if (t[this.i] === ']') {
        this.i++;
        return { start, end: this.i, items };
      }
      for (;;) {
        items.push(this.value(depth + 1));
        this.ws();
        if (t[this.i] === ',') {
          this.i++;
          continue;
        }
        if (t[this.i] === ']') {
          this.i++;
          return { start, end: this.i, items };
        }
        throw new Error('expected , or ]');
      }
    }
    if (c === '"') {
      this.string();
      return { start, end: this.i };
    }
    while (this.i < t.length && !/[\s,\]}]/.test(t[this.i]!)) this.i++;
    if (this.i === start) throw new Error('unexpected character');
    return { start, end: this.i };
  }
}
