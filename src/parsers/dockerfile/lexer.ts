import type { Flag, Segment, Word } from './types.js';

/** Maps offsets of joined instruction text back to file offsets. */
export function makeMapper(segments: readonly Segment[], base = 0): (offset: number) => number {
  // Offsets are mostly asked for in increasing order: try the last segment used before searching.
  let last = 0;
  return (offset: number) => {
    const logical = base + offset;
    const hit = segments[last]!;
    if (logical >= hit.logical && (last + 1 >= segments.length || logical < segments[last + 1]!.logical)) {
      return hit.physical + Math.min(logical - hit.logical, hit.length);
    }
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid]!.logical <= logical) lo = mid;
      else hi = mid - 1;
    }
    last = lo;
    const s = segments[lo]!;
    return s.physical + Math.min(logical - s.logical, s.length);
  };
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';

/**
 * Splits text into words the way BuildKit does for instruction arguments: whitespace separates,
 * quotes group, the escape character escapes. Values have quotes removed; no substitution.
 */
export function splitWords(text: string, from: number, escape: string, map: (o: number) => number): Word[] {
  const words: Word[] = [];
  let i = from;
  const n = text.length;
  while (i < n) {
    while (i < n && isSpace(text[i])) i++;
    if (i >= n) break;
    const start = i;
    let value = '';
    while (i < n && !isSpace(text[i])) {
      const c = text[i]!;
      if (c === escape && i + 1 < n) {
        value += text[i + 1];
        i += 2;
      } else if (c === "'") {
        const close = text.indexOf("'", i + 1);
        const stop = close === -1 ? n : close;
        value += text.slice(i + 1, stop);
        i = stop + 1;
      } else if (c === '"') {
        i++;
        while (i < n && text[i] !== '"') {
          if (text[i] === escape && i + 1 < n && (text[i + 1] === '"' || text[i + 1] === escape || text[i + 1] === '$')) {
            value += text[i + 1];
            i += 2;
          } else value += text[i++];
        }
        i++;
      } else {
        value += c;
        i++;
      }
    }
    const end = Math.min(i, n);
    words.push({ value, raw: text.slice(start, end), start: map(start), end: map(end) });
  }
  return words;
}

/** Reads leading `--name[=value]` flags; returns them and the offset where the arguments begin. */
export function readFlags(text: string, from: number, escape: string, map: (o: number) => number): { flags: Flag[]; rest: number } {
  const flags: Flag[] = [];
  let i = from;
  const n = text.length;
  for (;;) {
    while (i < n && isSpace(text[i])) i++;
    if (!text.startsWith('--', i) || i + 2 >= n || isSpace(text[i + 2])) break;
    // A flag ends at unquoted whitespace (values may be quoted: --mount=type=secret,id="a b").
    const words = splitWords(text.slice(0, scanWordEnd(text, i, escape)), i, escape, map);
    const w = words[0];
    if (!w) break;
    const body = w.value.slice(2);
    const eq = body.indexOf('=');
    flags.push({ name: (eq === -1 ? body : body.slice(0, eq)).toLowerCase(), value: eq === -1 ? undefined : body.slice(eq + 1), start: w.start, end: w.end });
    i = scanWordEnd(text, i, escape);
  }
  while (i < n && isSpace(text[i])) i++;
  return { flags, rest: i };
}

function scanWordEnd(text: string, i: number, escape: string): number {
  const n = text.length;
  while (i < n && !isSpace(text[i])) {
    const c = text[i];
    if (c === escape) i += 2;
    else if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      i = close === -1 ? n : close + 1;
    } else i++;
  }
  return Math.min(i, n);
}

/** Parses `[ "a", "b" ]` into words with positions; undefined when the text is not a JSON array of strings. */
export function parseJsonArray(text: string, from: number, map: (o: number) => number): Word[] | undefined {
  const body = text.slice(from).trimEnd();
  if (!body.startsWith('[') || !body.endsWith(']')) return undefined;
  let values: unknown;
  try {
    values = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) return undefined;
  const words: Word[] = [];
  let k = 0;
  for (let i = 0; i < body.length && k < values.length; i++) {
    if (body[i] !== '"') continue;
    let j = i + 1;
    while (j < body.length && body[j] !== '"') j += body[j] === '\\' ? 2 : 1;
    words.push({ value: values[k++] as string, raw: body.slice(i, j + 1), start: map(from + i), end: map(from + j + 1) });
    i = j;
  }
  return words;
}

/**
 * Expands `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}` and `${VAR+alt}` in a
 * raw word, removing quotes as BuildKit does. Single quotes and the escape character prevent
 * expansion. Unknown variables expand to the empty string.
 */
export function expandRaw(raw: string, vars: ReadonlyMap<string, string>, escape: string, depth = 0): string {
  let out = '';
  let i = 0;
  const n = raw.length;
  let inDouble = false;
  while (i < n) {
    const c = raw[i]!;
    if (c === escape && i + 1 < n) {
      out += raw[i + 1];
      i += 2;
    } else if (c === "'" && !inDouble) {
      const close = raw.indexOf("'", i + 1);
      const stop = close === -1 ? n : close;
      out += raw.slice(i + 1, stop);
      i = stop + 1;
    } else if (c === '"') {
      inDouble = !inDouble;
      i++;
    } else if (c === '$' && i + 1 < n) {
      if (raw[i + 1] === '{') {
        const close = matchBrace(raw, i + 1);
        if (close === -1) {
          out += raw.slice(i);
          break;
        }
        out += expandBraced(raw.slice(i + 2, close), vars, escape, depth);
        i = close + 1;
      } else {
        const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i + 1, i + 257));
        if (m) {
          out += vars.get(m[0]) ?? '';
          i += 1 + m[0].length;
        } else {
          out += c;
          i++;
        }
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function matchBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function expandBraced(inner: string, vars: ReadonlyMap<string, string>, escape: string, depth: number): string {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-+?])([\s\S]*))?$/.exec(inner);
  if (!m) return '';
  const value = vars.get(m[1]!);
  if (m[3] === undefined) return value ?? '';
  const colon = m[2] === ':';
  const word = () => (depth > 8 ? '' : expandRaw(m[4] ?? '', vars, escape, depth + 1));
  const isSet = colon ? value !== undefined && value !== '' : value !== undefined;
  if (m[3] === '-') return isSet ? value! : word();
  if (m[3] === '+') return isSet ? word() : '';
  return value ?? '';
}
