import type { InlineIgnore, ScannedDocument } from '../engine/document.js';
import type { Range, Target } from '../rules/types.js';
import { parseInlineIgnores } from '../util/inline-ignore.js';
import { LineIndex } from '../util/lines.js';
import type { SecretMatch, SecretOrigin } from './types.js';

const COMMENT_STARTS = ['#', '//', '--', ';', '<!--', '/*', 'REM '];
const IGNORE_MARKER = Buffer.from('drydock:ignore');
const utf8 = new TextDecoder('utf-8');

/** One file's secrets: the engine runs once per file and each SEC rule reports its detector's matches. */
export interface SecretsDocument extends ScannedDocument {
  kind: 'secrets';
  matches: readonly SecretMatch[];
  matchesOf(detector: string): readonly SecretMatch[];
}

/** Builds the document; the file is decoded only if a report needs its text (snippets, ignores). */
export function createSecretsDocument(path: string, bytes: Uint8Array, matches: SecretMatch[], origin?: SecretOrigin): SecretsDocument {
  let index: LineIndex | undefined;
  const text = () => (index ??= new LineIndex(utf8.decode(bytes)));
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const ignores: InlineIgnore[] = buf.indexOf(IGNORE_MARKER) === -1 ? [] : parseInlineIgnores(text().text, COMMENT_STARTS);
  const byDetector = new Map<string, SecretMatch[]>();
  for (const m of matches) {
    let list = byDetector.get(m.detector);
    if (!list) byDetector.set(m.detector, (list = []));
    list.push(m);
  }
  // Line 0: an inline ignore covers the line it is on (or the next), never the whole file.
  const whole: Range = { startLine: 0, startColumn: 1, endLine: 0, endColumn: 1 };
  const doc: SecretsDocument = {
    kind: 'secrets',
    path,
    range: whole,
    resolve(target: Target): Range {
      return 'range' in target ? target.range : whole;
    },
    snippet(range: Range): string {
      return text().slice(range.startLine, range.startColumn, range.endLine, range.endColumn);
    },
    ignores,
    matches,
    matchesOf: (detector) => byDetector.get(detector) ?? [],
  };
  if (origin && (origin.layer || origin.pathInImage || origin.commit)) doc.origin = origin;
  return doc;
}
