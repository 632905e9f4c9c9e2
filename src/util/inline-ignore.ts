import type { InlineIgnore } from '../engine/document.js';

const MARKER = 'drydock:ignore';
const ID_LIST = /^[\s:]*([A-Za-z0-9_.\-]+(?:\s*,\s*[A-Za-z0-9_.\-]+)*)\s*(.*)$/;

/**
 * Finds `drydock:ignore <ID[,ID…]> <reason>` comments. `commentStart` says how a comment begins
 * in this file type ('#' for YAML and Dockerfiles, '//' or '#' in code).
 */
export function parseInlineIgnores(text: string, commentStarts: readonly string[] = ['#']): InlineIgnore[] {
  if (!text.includes(MARKER)) return [];
  const out: InlineIgnore[] = [];
  let lineNo = 0;
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    lineNo++;
    const at = text.indexOf(MARKER, pos);
    if (at !== -1 && at < end) {
      const line = text.slice(pos, end);
      const markerCol = at - pos;
      const before = line.slice(0, markerCol);
      const commentAt = lastCommentStart(before, commentStarts);
      if (commentAt !== -1) {
        const m = ID_LIST.exec(line.slice(markerCol + MARKER.length));
        if (m) {
          const ids = m[1]!.split(',').map((s) => s.trim()).filter(Boolean);
          out.push({
            line: lineNo,
            ids,
            reason: m[2]!.trim().replace(/\s*-->\s*$/, ''),
            ownLine: before.slice(0, commentAt).trim() === '',
          });
        }
      }
    }
    if (nl === -1) break;
    pos = nl + 1;
  }
  return out;
}

function lastCommentStart(before: string, starts: readonly string[]): number {
  let best = -1;
  for (const s of starts) best = Math.max(best, before.lastIndexOf(s));
  return best;
}

/**
 * Whether an ignore covers a finding whose range starts at `line`, inside an object that starts at
 * `objectLine`. A comment covers: its own line; the next non-comment line when it stands alone; and
 * the whole object when it sits on the object's first line or in the comment block just above it.
 */
export function ignoreCovers(ignore: InlineIgnore, line: number, objectLine: number, lineText: (n: number) => string): boolean {
  if (ignore.line === line || ignore.line === objectLine) return true;
  if (!ignore.ownLine) return false;
  for (const target of [line, objectLine]) {
    if (ignore.line < target && onlyCommentsBetween(ignore.line, target, lineText)) return true;
  }
  return false;
}

function onlyCommentsBetween(from: number, to: number, lineText: (n: number) => string): boolean {
  for (let n = from + 1; n < to; n++) {
    const t = lineText(n).trim();
    if (t !== '' && !t.startsWith('#') && !t.startsWith('//')) return false;
  }
  return true;
}
