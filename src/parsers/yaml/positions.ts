interface Node {
  start: number;
  end: number;
  children: Node[];
}

/**
 * Offsets of the nodes of one YAML document, rebuilt on first use from the post-order log
 * (start, end, childCount triples) that the parser's listener wrote.
 */
export class PositionIndex {
  private root: Node | null | undefined;

  constructor(
    private readonly text: string,
    private readonly log: readonly number[],
    private readonly from: number,
    private readonly to: number,
  ) {}

  private build(): Node | null {
    const stack: Node[] = [];
    for (let i = this.from; i < this.to; i += 3) {
      const n = this.log[i + 2]!;
      const children = n > 0 ? stack.splice(stack.length - n, n) : [];
      stack.push({ start: this.log[i]!, end: this.log[i + 1]!, children });
    }
    return stack.length > 0 ? stack[stack.length - 1]! : null;
  }

  /**
   * The offsets of the deepest node on `pointer`. For a mapping entry the range runs from the key
   * to the end of its value, so a finding points at the offending field, not at the document.
   */
  locate(pointer: ReadonlyArray<string | number>): { start: number; end: number } {
    if (this.root === undefined) this.root = this.build();
    let node = this.root;
    if (!node) return { start: 0, end: 0 };
    let range = this.valueRange(node);
    for (const key of pointer) {
      // A flow collection inside a block sequence is logged twice: unwrap the outer copy.
      while (node.children.length === 1 && node.children[0]!.start === node.start && node.children[0]!.end === node.end) node = node.children[0]!;
      const children: Node[] = node.children;
      let next: Node | undefined;
      let keyNode: Node | undefined;
      if (typeof key === 'number') {
        next = children[key];
      } else {
        for (let i = 0; i + 1 < children.length; i += 2) {
          if (this.keyText(children[i]!) === String(key)) {
            keyNode = children[i]!;
            next = children[i + 1]!;
            break;
          }
        }
      }
      if (!next) break;
      node = next;
      const value = this.valueRange(next);
      range = keyNode ? { start: this.skipSpace(keyNode.start), end: value.end } : value;
    }
    return range;
  }

  private keyText(node: Node): string {
    let raw = this.text.slice(this.skipSpace(node.start), node.end).trim();
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

  private valueRange(node: Node): { start: number; end: number } {
    const start = this.skipSpace(node.start);
    let end = node.end;
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

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
