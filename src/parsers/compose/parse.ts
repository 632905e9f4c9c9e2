import type { InlineIgnore, ScannedDocument } from '../../engine/document.js';
import type { Resource } from '../../model/index.js';
import type { Range, Target } from '../../rules/types.js';
import { parseInlineIgnores } from '../../util/inline-ignore.js';
import { LineIndex } from '../../util/lines.js';
import { DEFAULT_YAML_LIMITS, parseYamlStream, type YamlDocument, type YamlLimits } from '../yaml/index.js';
import { isMapping, normaliseServices, type ComposeService, type Pointer } from './service.js';

/** The top level of a Compose file, shared by the documents of its services. */
export interface ComposeFile {
  /** Every service name, in file order. */
  serviceNames: string[];
  /** Names declared under the top-level `secrets:`. */
  secrets: string[];
  /** The loaded YAML document. */
  raw: Record<string, unknown>;
}

/** One Compose service as the rules see it. */
export interface ComposeDocument extends ScannedDocument {
  kind: 'compose';
  service: ComposeService;
  file: ComposeFile;
  /** 0-based index of the YAML document inside its file. */
  documentIndex: number;
  /**
   * A target covering only the key at `pointer` (e.g. the service name): where findings about a
   * missing attribute point, rather than at the whole service.
   */
  keyAt(pointer: Pointer): Target;
}

export interface ComposeParseProblem {
  message: string;
  code: string;
  line?: number;
}

export interface ComposeLimits extends YamlLimits {
  /** Longest line accepted, in characters. */
  maxLineLength: number;
  /** Most services per file. */
  maxServices: number;
}

export const DEFAULT_COMPOSE_LIMITS: ComposeLimits = { ...DEFAULT_YAML_LIMITS, maxLineLength: 1_000_000, maxServices: 10_000 };

/** Parses a Compose file: one document per service, with field positions and `extends` applied. */
export function parseCompose(text: string, path: string, limits: ComposeLimits = DEFAULT_COMPOSE_LIMITS): { documents: ComposeDocument[]; errors: ComposeParseProblem[] } {
  const long = longLine(text, limits.maxLineLength);
  if (long !== undefined) {
    return { documents: [], errors: [{ message: `line ${long} is longer than ${limits.maxLineLength} characters; not a Compose file`, code: 'line-too-long', line: long }] };
  }
  const stream = parseYamlStream(text, path, limits);
  const errors: ComposeParseProblem[] = [...stream.errors];
  const documents: ComposeDocument[] = [];
  const lines = new LineIndex(text);
  let ignores: InlineIgnore[] | undefined;
  const fileIgnores = () => (ignores ??= parseInlineIgnores(text));

  for (const yamlDoc of stream.documents) {
    const value = yamlDoc.value;
    if (value === null || value === undefined) continue;
    if (!isMapping(value)) {
      errors.push({ message: `document ${yamlDoc.index + 1}: a Compose file must be a mapping`, code: 'invalid-compose' });
      continue;
    }
    const services = value.services;
    if (services === undefined || services === null) continue;
    if (!isMapping(services)) {
      const at = lines.position(yamlDoc.locate(['services']).start).line;
      errors.push({ message: `line ${at}: services must be a mapping of service names to definitions`, code: 'invalid-compose', line: at });
      continue;
    }
    const names = Object.keys(services);
    if (names.length > limits.maxServices) {
      errors.push({ message: `more than ${limits.maxServices} services; file skipped`, code: 'too-large' });
      continue;
    }
    for (const name of names) {
      const s = services[name];
      if (s !== null && s !== undefined && !isMapping(s)) {
        const at = lines.position(yamlDoc.locate(['services', name]).start).line;
        errors.push({ message: `line ${at}: service "${name}" must be a mapping`, code: 'invalid-compose', line: at });
      }
    }
    const file: ComposeFile = {
      serviceNames: names,
      secrets: isMapping(value.secrets) ? Object.keys(value.secrets) : [],
      raw: value,
    };
    for (const service of normaliseServices(services)) {
      documents.push(makeDocument(path, lines, yamlDoc, service, file, fileIgnores));
    }
  }
  return { documents, errors };
}

function longLine(text: string, max: number): number | undefined {
  if (text.length <= max) return undefined;
  let start = 0;
  let line = 1;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    if (end - start > max) return line;
    if (nl === -1) return undefined;
    start = nl + 1;
    line++;
  }
}

function sameRange(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start === b.start && a.end === b.end;
}

/**
 * Offsets of a pointer. When a key is not written where the pointer says because it came in
 * through a merge key (`<<: *defaults`), points at that `<<` entry instead of the enclosing object.
 */
export function locateWithMerges(doc: YamlDocument, pointer: Pointer): { start: number; end: number } {
  let prev = doc.locate([]);
  for (let i = 1; i <= pointer.length; i++) {
    const cur = doc.locate(pointer.slice(0, i));
    // An entry's range starts at its key, so a found child never equals its parent's range, except
    // for the first key of the root mapping, which may span the whole document.
    if (i > 1 && sameRange(cur, prev)) {
      const merge = doc.locate([...pointer.slice(0, i - 1), '<<']);
      return sameRange(merge, prev) ? prev : merge;
    }
    prev = cur;
  }
  return prev;
}

function makeDocument(
  path: string,
  lines: LineIndex,
  yamlDoc: YamlDocument,
  service: ComposeService,
  file: ComposeFile,
  fileIgnores: () => InlineIgnore[],
): ComposeDocument {
  const resource: Resource = { kind: 'ComposeService', name: service.name };
  const toRange = (offsets: { start: number; end: number }): Range => {
    const s = lines.position(offsets.start);
    const e = lines.position(offsets.end);
    return { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
  };
  let whole: Range | undefined;
  return {
    kind: 'compose',
    path,
    resource,
    service,
    file,
    documentIndex: yamlDoc.index,
    get range() {
      return (whole ??= toRange(yamlDoc.locate(service.pointer)));
    },
    resolve(target: Target): Range {
      if ('range' in target) return target.range;
      return toRange(locateWithMerges(yamlDoc, target.pointer));
    },
    snippet(range: Range): string {
      return lines.slice(range.startLine, range.startColumn, range.endLine, range.endColumn);
    },
    get ignores() {
      return fileIgnores();
    },
    keyAt(pointer: Pointer): Target {
      const { start, end } = locateWithMerges(yamlDoc, pointer);
      const text = lines.text;
      let stop = start;
      // The key ends at the first ':' followed by a space or line end; quoted keys may contain ':'.
      const quote = text[start] === '"' || text[start] === "'" ? text[start] : undefined;
      if (quote) {
        const close = text.indexOf(quote, start + 1);
        stop = close !== -1 && close < end ? close + 1 : start;
      } else {
        while (stop < end && text[stop] !== '\n' && !(text[stop] === ':' && /[\s]/.test(text[stop + 1] ?? ' '))) stop++;
      }
      if (stop === start) return { range: toRange({ start, end }) };
      return { range: toRange({ start, end: stop }) };
    },
  };
}
