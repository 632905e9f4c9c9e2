/**
 * A fast YAML reader for the subset that real manifests use: block and flow collections, plain,
 * quoted and block scalars, comments and multi-document streams, resolved with the YAML 1.2 core
 * schema. It yields the same values and the same post-order node log (start, end, childCount)
 * that `parseYamlStream` records from js-yaml, so field positions are identical.
 *
 * It is deliberately narrow: anchors, aliases, tags, directives, explicit (`?`) or collection
 * keys, merge keys, tabs before content, non-printable characters and very deep nesting all raise
 * `Unsupported`, and any syntax error raises as well; the caller then reads the stream with
 * js-yaml, which reports errors with its own message and line.
 *
 * Recursion depth is capped (`maxDepth` open nodes) and every loop advances through the text. Text
 * is read again only in bounded ways: a plain scalar that stops before a less-indented line gives
 * back the blank lines it crossed, and a short path that does not apply leaves its one scalar to
 * the general reader. Time is linear in the input.
 */

/** The stream uses a construct this reader leaves to js-yaml (or is not valid YAML). */
export class Unsupported extends Error {
  constructor(what: string) {
    super(`fast YAML reader: ${what}`);
    this.name = 'Unsupported';
  }
}

export interface FastYamlStream {
  /** One loaded value per document. */
  values: unknown[];
  /** Post-order node log: start, end, childCount per node (offsets into the BOM-less text). */
  log: number[];
  /** For each document, the [from, to) slice of `log` holding its nodes. */
  spans: Array<[number, number]>;
}

const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DOT = 0x2e;
const QUESTION = 0x3f;
const COMMA = 0x2c;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const SQUOTE = 0x27;
const DQUOTE = 0x22;
const BACKSLASH = 0x5c;
const PIPE = 0x7c;
const GT = 0x3e;
const BANG = 0x21;
const AMP = 0x26;
const STAR = 0x2a;
const PERCENT = 0x25;
const PLUS = 0x2b;

const FLOW_IN = 1;
const FLOW_OUT = 2;
const BLOCK_IN = 3;
const BLOCK_OUT = 4;

const KIND_NONE = 0;
const KIND_SCALAR = 1;
const KIND_SEQ = 2;
const KIND_MAP = 3;

const CHOMP_CLIP = 0;
const CHOMP_STRIP = 1;
const CHOMP_KEEP = 2;

/**
 * Characters js-yaml refuses in scalar content (it does not look inside comments). Surrogates are
 * refused even when paired: such text is rare and js-yaml reads it.
 */
function isNonPrintable(c: number): boolean {
  return c < 0x20 ? c !== TAB && c !== LF && c !== CR : c >= 0x7f && (c <= 0x9f || (c >= 0xd800 && c <= 0xdfff) || c >= 0xfffe);
}

/** Characters that cannot start a plain scalar (ASCII only; 1 = refuse). */
const PLAIN_FIRST = new Uint8Array(128);
for (const c of ' \t\r\n,[]{}#&*!|>\'"%@`') PLAIN_FIRST[c.charCodeAt(0)] = 1;

/** Characters of keys that take the short path in block mappings. */
const SIMPLE_KEY = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9_./-]/.test(ch)) SIMPLE_KEY[c] = 1;
}

/** Characters that may follow the first one in a mapping value taking the short path. */
const VALUE_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9_./@+=~%$^;()-]/.test(ch)) VALUE_CHAR[c] = 1;
}

const FLOAT_RE = /^(?:[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const FLOAT_SPECIAL_RE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

const hasOwn = Object.prototype.hasOwnProperty;

function isWsOrEol(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR;
}

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

/** Newlines (or a space) that a line break folds into, given how many breaks were crossed. */
function fold(breaks: number): string {
  return breaks === 1 ? ' ' : breaks > 1 ? '\n'.repeat(breaks - 1) : '';
}

function repeatLf(n: number): string {
  return n <= 0 ? '' : n === 1 ? '\n' : '\n'.repeat(n);
}

/** Escapes of double-quoted scalars (YAML 1.2) that stand for one fixed character. */
const SIMPLE_ESCAPES: Record<number, string> = {
  0x30: '\x00', 0x61: '\x07', 0x62: '\x08', 0x74: '\x09', 0x09: '\x09', 0x6e: '\x0A', 0x76: '\x0B',
  0x66: '\x0C', 0x72: '\x0D', 0x65: '\x1B', 0x20: ' ', 0x22: '"', 0x2f: '/', 0x5c: '\\',
  0x4e: '\x85', 0x5f: '\xA0', 0x4c: '\u2028', 0x50: '\u2029',
};

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lc = c | 0x20;
  return lc >= 0x61 && lc <= 0x66 ? lc - 0x61 + 10 : -1;
}

/** Core-schema integer, or undefined when the text is not one. */
function resolveInt(d: string): number | undefined {
  const max = d.length;
  let i = 0;
  let c = d.charCodeAt(0);
  let sign = 1;
  if (c === DASH || c === PLUS) {
    if (c === DASH) sign = -1;
    c = d.charCodeAt(++i);
  }
  const body = i;
  if (c === 0x30) {
    if (i + 1 === max) return 0;
    c = d.charCodeAt(++i);
    let base = 0;
    if (c === 0x62 /* b */) base = 2;
    else if (c === 0x78 /* x */) base = 16;
    else if (c === 0x6f /* o */) base = 8;
    if (base !== 0) {
      i++;
      if (i >= max) return undefined;
      for (; i < max; i++) {
        const v = hexValue(d.charCodeAt(i));
        if (v < 0 || v >= base) return undefined;
      }
      const n = sign * parseInt(d.slice(body + 2), base);
      return isFinite(n) ? n : undefined;
    }
  }
  if (i >= max) return undefined;
  for (; i < max; i++) {
    const ch = d.charCodeAt(i);
    if (ch < 0x30 || ch > 0x39) return undefined;
  }
  const n = sign * parseInt(d.slice(body), 10);
  return isFinite(n) ? n : undefined;
}

const NOT_FLOAT = Symbol('not a float');

function resolveFloat(d: string): number | typeof NOT_FLOAT {
  if (!FLOAT_RE.test(d)) return NOT_FLOAT;
  if (!isFinite(parseFloat(d)) && !FLOAT_SPECIAL_RE.test(d)) return NOT_FLOAT;
  let v = d.toLowerCase();
  const sign = v.charCodeAt(0) === DASH ? -1 : 1;
  if (v.charCodeAt(0) === DASH || v.charCodeAt(0) === PLUS) v = v.slice(1);
  if (v === '.inf') return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (v === '.nan') return NaN;
  return sign * parseFloat(v);
}

/** Resolves a plain scalar as the YAML 1.2 core schema does (null, bool, int, float, else string). */
export function resolvePlainScalar(d: string): unknown {
  const c = d.charCodeAt(0);
  switch (c) {
    case 0x7e /* ~ */:
      return d.length === 1 ? null : d;
    case 0x3c /* < */:
      if (d === '<<') throw new Unsupported('merge key');
      return d;
    case 0x6e /* n */:
    case 0x4e /* N */:
      return d === 'null' || d === 'Null' || d === 'NULL' ? null : d;
    case 0x74 /* t */:
    case 0x54 /* T */:
      return d === 'true' || d === 'True' || d === 'TRUE' ? true : d;
    case 0x66 /* f */:
    case 0x46 /* F */:
      return d === 'false' || d === 'False' || d === 'FALSE' ? false : d;
    default:
      if ((c >= 0x30 && c <= 0x39) || c === DASH || c === PLUS || c === DOT) {
        if (c !== DOT) {
          const n = resolveInt(d);
          if (n !== undefined) return n;
        }
        const f = resolveFloat(d);
        return f === NOT_FLOAT ? d : f;
      }
      return d;
  }
}

/**
 * Keys repeat from document to document (`metadata`, `name`, `containers`...). The last key seen in
 * each of 1,024 slots, chosen by a hash of its characters taken while scanning them, is reused
 * when the text matches, as a string V8 has already made a property name: no new string is cut
 * from the text and none is looked up in V8's string table.
 */
const KEY_SLOTS = 1024;
const keySlots: (string | undefined)[] = new Array<string | undefined>(KEY_SLOTS).fill(undefined);

/** The key `s[start, end)`, a simple plain scalar whose characters hash to `h`, resolved. */
function simpleKey(s: string, start: number, end: number, h: number): unknown {
  const slot = (h ^ (end - start)) & (KEY_SLOTS - 1);
  const known = keySlots[slot];
  if (known !== undefined && known.length === end - start && s.startsWith(known, start)) return known;
  const text = s.slice(start, end);
  const value = resolvePlainScalar(text);
  // Only short keys that stay the same string (not numbers, booleans or null) are kept.
  if (value === text && text.length <= 64) keySlots[slot] = propertyName(text);
  return value;
}

/** The string V8 keeps for a property name: the one every object with this key already holds. */
function propertyName(text: string): string {
  for (const name in { [text]: 0 }) return name;
  return text;
}

function setKey(out: Record<string, unknown>, key: string, value: unknown): void {
  if (hasOwn.call(out, key)) throw new Unsupported('duplicated mapping key');
  if (key === '__proto__') Object.defineProperty(out, key, { configurable: true, enumerable: true, writable: true, value });
  else out[key] = value;
}

class Reader {
  private readonly s: string;
  /** Length of the text without the terminating NUL. */
  private readonly length: number;
  pos = 0;
  private line = 0;
  private lineStart = 0;
  private lineIndent = 0;
  private depth = 0;
  private childCount = 0;
  private result: unknown = null;
  private kind = KIND_NONE;
  readonly log: number[] = [];

  constructor(input: string, private readonly maxDepth: number) {
    this.length = input.length;
    this.s = input + '\0';
  }

  read(): FastYamlStream {
    const values: unknown[] = [];
    const spans: Array<[number, number]> = [];
    const s = this.s;
    while (s.charCodeAt(this.pos) === SPACE) {
      this.lineIndent++;
      this.pos++;
    }
    while (this.pos < this.length - 1) {
      const from = this.log.length;
      this.document();
      values.push(this.result);
      spans.push([from, this.log.length]);
      this.skipSeparation(true);
      if (this.pos === this.lineStart && this.isDocumentMarker(this.pos)) {
        if (s.charCodeAt(this.pos) === DOT) {
          this.pos += 3;
          this.skipSeparation(true);
        }
        continue;
      }
      if (this.pos < this.length - 1) throw new Unsupported('end of the stream or a document separator is expected');
    }
    return { values, log: this.log, spans };
  }

  private document(): void {
    const s = this.s;
    this.skipSeparation(true);
    if (this.lineIndent === 0 && s.charCodeAt(this.pos) === PERCENT) throw new Unsupported('directive');
    if (this.lineIndent === 0 && s.charCodeAt(this.pos) === DASH && s.charCodeAt(this.pos + 1) === DASH && s.charCodeAt(this.pos + 2) === DASH) {
      this.pos += 3;
      this.skipSeparation(true);
    }
    this.childCount = 0;
    this.compose(this.lineIndent - 1, BLOCK_OUT, false, true);
  }

  private isDocumentMarker(p: number): boolean {
    const s = this.s;
    const c = s.charCodeAt(p);
    if ((c === DASH || c === DOT) && s.charCodeAt(p + 1) === c && s.charCodeAt(p + 2) === c) {
      const next = s.charCodeAt(p + 3);
      return next === 0 || isWsOrEol(next);
    }
    return false;
  }

  private lineBreak(): void {
    const s = this.s;
    const c = s.charCodeAt(this.pos);
    if (c === LF) this.pos++;
    else if (c === CR) {
      this.pos++;
      if (s.charCodeAt(this.pos) === LF) this.pos++;
    } else throw new Unsupported('a line break is expected');
    this.line++;
    this.lineStart = this.pos;
  }

  /** Skips spaces, line breaks and (optionally) comments; returns how many line breaks it crossed. */
  private skipSeparation(comments: boolean): number {
    const s = this.s;
    let breaks = 0;
    let pos = this.pos;
    let c = s.charCodeAt(pos);
    while (c !== 0) {
      while (c === SPACE) c = s.charCodeAt(++pos);
      if (c === TAB) {
        // A tab before content on the same line changes how js-yaml reads the line; trailing
        // tabs (up to a line break or a comment) do not.
        do c = s.charCodeAt(++pos);
        while (c === SPACE || c === TAB);
        if (c !== LF && c !== CR && c !== 0 && !(comments && c === HASH)) throw new Unsupported('tab in separation space');
      }
      if (comments && c === HASH) {
        do c = s.charCodeAt(++pos);
        while (c !== LF && c !== CR && c !== 0);
      }
      if (c === LF || c === CR) {
        pos++;
        if (c === CR && s.charCodeAt(pos) === LF) pos++;
        this.line++;
        this.lineStart = pos;
        breaks++;
        let indent = 0;
        c = s.charCodeAt(pos);
        while (c === SPACE) {
          indent++;
          c = s.charCodeAt(++pos);
        }
        this.lineIndent = indent;
      } else break;
    }
    this.pos = pos;
    return breaks;
  }

  /** One node; logs (start, end, childCount) when it closes, whether or not it had content. */
  private compose(parentIndent: number, context: number, allowToSeek: boolean, allowCompact: boolean): boolean {
    if (this.depth >= this.maxDepth) throw new Unsupported('nesting too deep');
    this.depth++;
    const open = this.pos;
    const outerCount = this.childCount;
    this.childCount = 0;
    this.result = null;
    this.kind = KIND_NONE;

    const blockStyles = context === BLOCK_OUT || context === BLOCK_IN;
    let atNewLine = false;
    let indentStatus = 1;
    let hasContent = false;
    if (allowToSeek && this.skipSeparation(true) !== 0) {
      atNewLine = true;
      indentStatus = this.lineIndent > parentIndent ? 1 : this.lineIndent === parentIndent ? 0 : -1;
    }
    if (indentStatus === 1) {
      const c = this.s.charCodeAt(this.pos);
      if (c === BANG || c === AMP || c === STAR) throw new Unsupported('tags, anchors and aliases');
    }
    const blockCollections = blockStyles && (atNewLine || allowCompact);

    if (indentStatus === 1 || context === BLOCK_OUT) {
      const flowIndent = blockStyles ? parentIndent + 1 : parentIndent;
      const blockIndent = this.pos - this.lineStart;
      if (indentStatus === 1) {
        // Each reader below refuses at once unless the node starts with its own character.
        const c = this.s.charCodeAt(this.pos);
        if (blockCollections && (this.blockSequence(blockIndent) || this.blockMapping(blockIndent, flowIndent))) {
          hasContent = true;
        } else if (c === LBRACKET || c === LBRACE) {
          hasContent = this.flowCollection(flowIndent);
        } else if (c === PIPE || c === GT) {
          hasContent = blockStyles && this.blockScalar(flowIndent);
        } else if (c === SQUOTE) {
          hasContent = this.singleQuoted();
        } else if (c === DQUOTE) {
          hasContent = this.doubleQuoted();
        } else if (this.plainScalar(flowIndent, context === FLOW_IN)) {
          hasContent = true;
          this.result = resolvePlainScalar(this.result as string);
        }
      } else if (indentStatus === 0) {
        hasContent = blockCollections && this.blockSequence(blockIndent);
      }
    }

    this.log.push(open, this.pos, this.childCount);
    this.childCount = outerCount + 1;
    this.depth--;
    return hasContent;
  }

  private blockSequence(nodeIndent: number): boolean {
    const s = this.s;
    let c = s.charCodeAt(this.pos);
    if (c !== DASH || !isWsOrEol(s.charCodeAt(this.pos + 1))) return false;
    const out: unknown[] = [];
    while (c !== 0) {
      if (c !== DASH || !isWsOrEol(s.charCodeAt(this.pos + 1))) break;
      this.pos++;
      if (this.skipSeparation(true) !== 0 && this.lineIndent <= nodeIndent) {
        out.push(null);
        c = s.charCodeAt(this.pos);
        continue;
      }
      const line = this.line;
      this.compose(nodeIndent, BLOCK_IN, false, true);
      out.push(this.result);
      this.skipSeparation(true);
      c = s.charCodeAt(this.pos);
      if ((this.line === line || this.lineIndent > nodeIndent) && c !== 0) throw new Unsupported('bad indentation of a sequence entry');
      if (this.lineIndent < nodeIndent) break;
    }
    this.result = out;
    this.kind = KIND_SEQ;
    return true;
  }

  private blockMapping(nodeIndent: number, flowIndent: number): boolean {
    const s = this.s;
    let out: Record<string, unknown> | null = null;
    let c = s.charCodeAt(this.pos);
    while (c !== 0) {
      const line = this.line;
      if ((c === QUESTION || c === COLON) && isWsOrEol(s.charCodeAt(this.pos + 1))) throw new Unsupported('explicit mapping key');
      // A key of letters, digits and `_ . / -` right before `: ` is what compose() would read as a
      // plain scalar ending at the colon; log it without the general machinery.
      let k = this.pos;
      let h = c;
      if (c < 128 && SIMPLE_KEY[c] === 1) {
        let kc: number;
        do {
          kc = s.charCodeAt(++k);
          h = (Math.imul(h, 31) + kc) | 0;
        } while (kc < 128 && SIMPLE_KEY[kc] === 1);
        if (kc === COLON) {
          const next = s.charCodeAt(k + 1);
          if (next !== SPACE && next !== LF && next !== CR) k = -1;
        } else k = -1;
      } else k = -1;
      if (k !== -1) {
        if (this.depth >= this.maxDepth) throw new Unsupported('nesting too deep');
        this.log.push(this.pos, k, 0);
        this.childCount++;
        this.result = simpleKey(s, this.pos, k, h);
        this.kind = KIND_SCALAR;
        this.pos = k;
      } else if (!this.compose(flowIndent, FLOW_OUT, false, true)) break;
      if (this.line !== line) {
        if (out !== null) throw new Unsupported('a multiline key may not be an implicit key');
        return true;
      }
      c = s.charCodeAt(this.pos);
      while (c === SPACE || c === TAB) c = s.charCodeAt(++this.pos);
      if (c !== COLON) {
        if (out !== null) throw new Unsupported('a colon is missed');
        // Not a mapping: the node read as a key is the value itself.
        return true;
      }
      c = s.charCodeAt(++this.pos);
      if (!isWsOrEol(c)) throw new Unsupported('a whitespace character is expected after the key-value separator');
      if (this.kind !== KIND_SCALAR) throw new Unsupported('collection as a mapping key');
      const key = typeof this.result === 'string' ? this.result : String(this.result);
      if (key === '<<') throw new Unsupported('merge key');
      if (out === null) out = {};
      let value: unknown;
      const valueEnd = this.simpleValueEnd(nodeIndent + 1);
      if (valueEnd !== -1) {
        // What compose() would make of a one-line plain value: log it without the machinery.
        if (this.depth >= this.maxDepth) throw new Unsupported('nesting too deep');
        let vs = this.pos;
        while (s.charCodeAt(vs) === SPACE) vs++;
        this.log.push(this.pos, valueEnd, 0);
        this.childCount++;
        value = resolvePlainScalar(s.slice(vs, valueEnd));
        this.pos = valueEnd;
      } else {
        value = this.compose(nodeIndent, BLOCK_OUT, true, false) ? this.result : null;
      }
      setKey(out, key, value);
      this.skipSeparation(true);
      c = s.charCodeAt(this.pos);
      if ((this.line === line || this.lineIndent > nodeIndent) && c !== 0) throw new Unsupported('bad indentation of a mapping entry');
      if (this.lineIndent < nodeIndent) break;
    }
    if (out === null) return false;
    this.result = out;
    this.kind = KIND_MAP;
    return true;
  }

  /**
   * Where a mapping value that is a single-line plain scalar ends (at its line break), or -1 when
   * the value is anything else: spaces then a run of ordinary characters up to the line break,
   * with the next line not indented enough to continue the scalar and not blank.
   */
  private simpleValueEnd(flowIndent: number): number {
    const s = this.s;
    let i = this.pos;
    if (s.charCodeAt(i) !== SPACE) return -1;
    let c: number;
    do c = s.charCodeAt(++i);
    while (c === SPACE);
    if (c >= 128 || SIMPLE_KEY[c] !== 1) return -1;
    if (c === DASH) {
      const next = s.charCodeAt(i + 1);
      if (next >= 128 || SIMPLE_KEY[next] !== 1) return -1;
    }
    for (;;) {
      c = s.charCodeAt(++i);
      if (c < 128 && VALUE_CHAR[c] === 1) continue;
      if (c === COLON) {
        const next = s.charCodeAt(i + 1);
        if (next === 0 || isWsOrEol(next)) return -1;
        continue;
      }
      break;
    }
    if (c !== LF && c !== CR) return -1;
    let j = i + 1;
    if (c === CR && s.charCodeAt(j) === LF) j++;
    let indent = 0;
    while (s.charCodeAt(j) === SPACE) {
      indent++;
      j++;
    }
    const next = s.charCodeAt(j);
    if (next === LF || next === CR || next === TAB || indent >= flowIndent) return -1;
    return i;
  }

  /**
   * A node inside a flow collection. A run of ordinary characters ending right at `,` `]` `}` or
   * at a `:` that ends a key is what compose() would read as a plain scalar: log it directly.
   */
  private flowNode(nodeIndent: number): boolean {
    const s = this.s;
    const start = this.pos;
    let c = s.charCodeAt(start);
    if (c < 128 && SIMPLE_KEY[c] === 1) {
      let i = start;
      if (c === DASH) {
        const next = s.charCodeAt(i + 1);
        if (next >= 128 || SIMPLE_KEY[next] !== 1) return this.compose(nodeIndent, FLOW_IN, false, true);
      }
      do c = s.charCodeAt(++i);
      while (c < 128 && VALUE_CHAR[c] === 1);
      let ends = c === COMMA || c === RBRACKET || c === RBRACE;
      if (c === COLON) {
        const next = s.charCodeAt(i + 1);
        ends = isWsOrEol(next) || isFlowIndicator(next);
      }
      if (ends) {
        if (this.depth >= this.maxDepth) throw new Unsupported('nesting too deep');
        this.log.push(start, i, 0);
        this.childCount++;
        this.result = resolvePlainScalar(s.slice(start, i));
        this.kind = KIND_SCALAR;
        this.pos = i;
        return true;
      }
    }
    return this.compose(nodeIndent, FLOW_IN, false, true);
  }

  private flowCollection(nodeIndent: number): boolean {
    const s = this.s;
    let c = s.charCodeAt(this.pos);
    let terminator: number;
    let seq: unknown[] | null = null;
    let map: Record<string, unknown> | null = null;
    if (c === LBRACKET) {
      terminator = RBRACKET;
      seq = [];
    } else if (c === LBRACE) {
      terminator = RBRACE;
      map = {};
    } else return false;
    c = s.charCodeAt(++this.pos);
    let readNext = true;
    while (c !== 0) {
      this.skipSeparation(true);
      c = s.charCodeAt(this.pos);
      if (c === terminator) {
        this.pos++;
        if (seq !== null) {
          this.result = seq;
          this.kind = KIND_SEQ;
        } else {
          this.result = map;
          this.kind = KIND_MAP;
        }
        return true;
      }
      if (!readNext) throw new Unsupported('missed comma between flow collection entries');
      if (c === COMMA) throw new Unsupported("expected the node content, but found ','");
      if (c === QUESTION && isWsOrEol(s.charCodeAt(this.pos + 1))) throw new Unsupported('explicit mapping key');
      const line = this.line;
      const hasKey = this.flowNode(nodeIndent);
      const key = this.result;
      const keyKind = this.kind;
      this.skipSeparation(true);
      c = s.charCodeAt(this.pos);
      let isPair = false;
      let value: unknown = null;
      if (this.line === line && c === COLON) {
        isPair = true;
        this.pos++;
        this.skipSeparation(true);
        this.flowNode(nodeIndent);
        value = this.result;
      }
      if (map !== null) {
        if (!hasKey || keyKind !== KIND_SCALAR) throw new Unsupported('empty or collection key in a flow mapping');
        const k = typeof key === 'string' ? key : String(key);
        if (k === '<<') throw new Unsupported('merge key');
        setKey(map, k, value);
      } else if (isPair) {
        throw new Unsupported('single-pair mapping in a flow sequence');
      } else {
        seq!.push(key);
      }
      this.skipSeparation(true);
      c = s.charCodeAt(this.pos);
      if (c === COMMA) {
        readNext = true;
        c = s.charCodeAt(++this.pos);
      } else readNext = false;
    }
    throw new Unsupported('unexpected end of the stream within a flow collection');
  }

  private blockScalar(nodeIndent: number): boolean {
    const s = this.s;
    let c = s.charCodeAt(this.pos);
    let folding: boolean;
    if (c === PIPE) folding = false;
    else if (c === GT) folding = true;
    else return false;
    let chomping = CHOMP_CLIP;
    let detectedIndent = false;
    let textIndent = nodeIndent;
    let emptyLines = 0;
    let atMoreIndented = false;
    let didRead = false;
    let out = '';

    while (c !== 0) {
      c = s.charCodeAt(++this.pos);
      if (c === PLUS || c === DASH) {
        if (chomping !== CHOMP_CLIP) throw new Unsupported('repeat of a chomping mode identifier');
        chomping = c === PLUS ? CHOMP_KEEP : CHOMP_STRIP;
      } else if (c >= 0x30 && c <= 0x39) {
        if (c === 0x30 || detectedIndent) throw new Unsupported('bad indentation width of a block scalar');
        textIndent = nodeIndent + (c - 0x30) - 1;
        detectedIndent = true;
      } else break;
    }
    if (c === SPACE || c === TAB) {
      do c = s.charCodeAt(++this.pos);
      while (c === SPACE || c === TAB);
      if (c === HASH) {
        do c = s.charCodeAt(++this.pos);
        while (c !== LF && c !== CR && c !== 0);
      }
    }

    while (c !== 0) {
      this.lineBreak();
      let indent = 0;
      let pos = this.pos;
      c = s.charCodeAt(pos);
      while ((!detectedIndent || indent < textIndent) && c === SPACE) {
        indent++;
        c = s.charCodeAt(++pos);
      }
      this.pos = pos;
      this.lineIndent = indent;
      if (!detectedIndent && indent > textIndent) textIndent = indent;
      if (c === LF || c === CR) {
        emptyLines++;
        continue;
      }
      if (!detectedIndent && textIndent === 0) throw new Unsupported('missing indentation for block scalar');
      if (indent < textIndent) {
        if (chomping === CHOMP_KEEP) out += repeatLf(didRead ? 1 + emptyLines : emptyLines);
        else if (chomping === CHOMP_CLIP && didRead) out += '\n';
        break;
      }
      if (folding) {
        if (c === SPACE || c === TAB) {
          atMoreIndented = true;
          out += repeatLf(didRead ? 1 + emptyLines : emptyLines);
        } else if (atMoreIndented) {
          atMoreIndented = false;
          out += repeatLf(emptyLines + 1);
        } else if (emptyLines === 0) {
          if (didRead) out += ' ';
        } else out += repeatLf(emptyLines);
      } else {
        out += repeatLf(didRead ? 1 + emptyLines : emptyLines);
      }
      didRead = true;
      detectedIndent = true;
      emptyLines = 0;
      const start = pos;
      while (c !== LF && c !== CR && c !== 0) {
        if ((c < 0x20 || c >= 0x7f) && isNonPrintable(c)) throw new Unsupported('non-printable character');
        c = s.charCodeAt(++pos);
      }
      out += s.slice(start, pos);
      this.pos = pos;
    }
    this.result = out;
    this.kind = KIND_SCALAR;
    return true;
  }

  private singleQuoted(): boolean {
    const s = this.s;
    if (s.charCodeAt(this.pos) !== SQUOTE) return false;
    let out = '';
    let pos = ++this.pos;
    let start = pos;
    let end = pos;
    for (;;) {
      const c = s.charCodeAt(pos);
      if (c === 0) break;
      if (c === SQUOTE) {
        out += s.slice(start, pos);
        pos++;
        if (s.charCodeAt(pos) === SQUOTE) {
          start = pos;
          pos++;
          end = pos;
        } else {
          this.pos = pos;
          this.result = out;
          this.kind = KIND_SCALAR;
          return true;
        }
      } else if (c === LF || c === CR) {
        out += s.slice(start, end);
        this.pos = pos;
        out += fold(this.skipSeparation(false));
        pos = start = end = this.pos;
      } else if (pos === this.lineStart && this.isDocumentMarker(pos)) {
        throw new Unsupported('unexpected end of the document within a single quoted scalar');
      } else {
        if ((c < 0x20 || c >= 0x7f) && isNonPrintable(c)) throw new Unsupported('non-printable character');
        pos++;
        if (c !== SPACE && c !== TAB) end = pos;
      }
    }
    throw new Unsupported('unexpected end of the stream within a single quoted scalar');
  }

  private doubleQuoted(): boolean {
    const s = this.s;
    if (s.charCodeAt(this.pos) !== DQUOTE) return false;
    let out = '';
    let pos = ++this.pos;
    let start = pos;
    let end = pos;
    for (;;) {
      let c = s.charCodeAt(pos);
      if (c === 0) break;
      if (c === DQUOTE) {
        out += s.slice(start, pos);
        this.pos = pos + 1;
        this.result = out;
        this.kind = KIND_SCALAR;
        return true;
      } else if (c === BACKSLASH) {
        out += s.slice(start, pos);
        c = s.charCodeAt(++pos);
        if (c === LF || c === CR) {
          this.pos = pos;
          this.skipSeparation(false);
          pos = this.pos;
        } else if (SIMPLE_ESCAPES[c] !== undefined) {
          out += SIMPLE_ESCAPES[c];
          pos++;
        } else {
          const len = c === 0x78 /* x */ ? 2 : c === 0x75 /* u */ ? 4 : c === 0x55 /* U */ ? 8 : 0;
          if (len === 0) throw new Unsupported('unknown escape sequence');
          let code = 0;
          for (let k = 0; k < len; k++) {
            const v = hexValue(s.charCodeAt(++pos));
            if (v < 0) throw new Unsupported('expected hexadecimal character');
            code = code * 16 + v;
          }
          if (code > 0x10ffff) throw new Unsupported('escape beyond Unicode');
          out += code <= 0xffff ? String.fromCharCode(code) : String.fromCharCode(((code - 0x10000) >> 10) + 0xd800, ((code - 0x10000) & 0x3ff) + 0xdc00);
          pos++;
        }
        start = end = pos;
      } else if (c === LF || c === CR) {
        out += s.slice(start, end);
        this.pos = pos;
        out += fold(this.skipSeparation(false));
        pos = start = end = this.pos;
      } else if (pos === this.lineStart && this.isDocumentMarker(pos)) {
        throw new Unsupported('unexpected end of the document within a double quoted scalar');
      } else {
        if ((c < 0x20 || c >= 0x7f) && isNonPrintable(c)) throw new Unsupported('non-printable character');
        pos++;
        if (c !== SPACE && c !== TAB) end = pos;
      }
    }
    throw new Unsupported('unexpected end of the stream within a double quoted scalar');
  }

  private plainScalar(nodeIndent: number, inFlow: boolean): boolean {
    const s = this.s;
    let pos = this.pos;
    let c = s.charCodeAt(pos);
    if (c < 128 && PLAIN_FIRST[c] === 1) return false;
    if (c === QUESTION || c === DASH) {
      const next = s.charCodeAt(pos + 1);
      if (isWsOrEol(next) || (inFlow && isFlowIndicator(next))) return false;
    }
    let start = pos;
    let end = pos;
    let acc: string | null = null;
    let pending = false;
    let foldFromLine = 0;
    while (c !== 0) {
      if (c === COLON) {
        const next = s.charCodeAt(pos + 1);
        if (isWsOrEol(next) || (inFlow && isFlowIndicator(next))) break;
      } else if (c === HASH) {
        if (isWsOrEol(s.charCodeAt(pos - 1))) break;
      } else if ((pos === this.lineStart && this.isDocumentMarker(pos)) || (inFlow && isFlowIndicator(c))) {
        break;
      } else if (c === LF || c === CR) {
        const line = this.line;
        const lineStart = this.lineStart;
        const lineIndent = this.lineIndent;
        this.pos = pos;
        this.skipSeparation(false);
        if (this.lineIndent >= nodeIndent) {
          pending = true;
          foldFromLine = line;
          pos = this.pos;
          c = s.charCodeAt(pos);
          continue;
        }
        pos = end;
        this.line = line;
        this.lineStart = lineStart;
        this.lineIndent = lineIndent;
        break;
      }
      if (pending) {
        acc = (acc ?? '') + s.slice(start, end) + fold(this.line - foldFromLine);
        start = end = pos;
        pending = false;
      }
      if ((c < 0x20 || c >= 0x7f) && isNonPrintable(c)) throw new Unsupported('non-printable character');
      if (c !== SPACE && c !== TAB) end = pos + 1;
      c = s.charCodeAt(++pos);
    }
    this.pos = pos;
    const text = acc === null ? s.slice(start, end) : acc + s.slice(start, end);
    if (text === '') return false;
    this.result = text;
    this.kind = KIND_SCALAR;
    return true;
  }
}

/**
 * Reads a YAML stream with the fast reader. Throws `Unsupported` for anything outside its subset
 * (and for invalid YAML); `maxDepth` bounds the nesting of nodes.
 */
export function parseYamlFast(text: string, maxDepth = 100): FastYamlStream {
  let input = text;
  if (input.length !== 0) {
    const last = input.charCodeAt(input.length - 1);
    if (last !== LF && last !== CR) input += '\n';
    if (input.charCodeAt(0) === 0xfeff) input = input.slice(1);
  }
  // NUL ends the text for the reader (and js-yaml refuses it); other characters js-yaml refuses
  // are caught where scalar content is read.
  if (input.indexOf('\0') !== -1) throw new Unsupported('NUL character');
  return new Reader(input, maxDepth).read();
}
