import yaml from 'js-yaml';
import type { InlineIgnore, ScannedDocument } from '../../engine/document.js';
import type { Resource } from '../../model/index.js';
import type { Range, Target } from '../../rules/types.js';
import { parseInlineIgnores } from '../../util/inline-ignore.js';
import { LineIndex } from '../../util/lines.js';
import { PositionIndex } from './positions.js';

export type KubeObject = Record<string, unknown> & {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: Record<string, unknown>;
};

export interface KubeDocument extends ScannedDocument {
  kind: 'kubernetes';
  object: KubeObject;
  /** Path from the YAML document root to `object`: [] or ['items', i] for List members. */
  base: ReadonlyArray<string | number>;
  /** 0-based index of the YAML document inside its file. */
  documentIndex: number;
  /** The object's `kind` field, or '' when absent. */
  objectKind: string;
  name: string;
  namespace?: string;
  /** Value at a pointer relative to `object`. */
  get(pointer: ReadonlyArray<string | number>): unknown;
}

export interface ParseProblem {
  message: string;
  code: string;
  line?: number;
}

export interface KubeParseResult {
  documents: KubeDocument[];
  errors: ParseProblem[];
}

export interface KubeParseLimits {
  /** Deepest nesting of collections accepted. */
  maxDepth: number;
  /** Most nodes a document may reach when aliases are followed. */
  maxAliasExpansion: number;
}

export const DEFAULT_KUBE_LIMITS: KubeParseLimits = { maxDepth: 128, maxAliasExpansion: 200_000 };

const ANNOTATION_IGNORE = 'drydock.io/ignore';
const ANNOTATION_REASON = 'drydock.io/ignore-reason';

class NestingError extends Error {}

/**
 * Parses a YAML or JSON stream of Kubernetes objects. Positions are recorded with js-yaml's
 * listener as a flat post-order log, and turned into a tree only for documents that get a finding.
 */
export function parseKubernetes(text: string, path: string, limits: KubeParseLimits = DEFAULT_KUBE_LIMITS): KubeParseResult {
  const documents: KubeDocument[] = [];
  const errors: ParseProblem[] = [];
  const lines = new LineIndex(text);
  const log: number[] = [];
  const starts: number[] = [];
  const counts: number[] = [];
  let childCount = 0;
  let docLogStart = 0;
  const rootSpans: [number, number][] = [];
  let values: unknown[] = [];

  const listener = (event: 'open' | 'close', state: { position: number }) => {
    if (event === 'open') {
      starts.push(state.position);
      counts.push(childCount);
      childCount = 0;
      if (starts.length > limits.maxDepth) throw new NestingError(`nesting deeper than ${limits.maxDepth} levels`);
    } else {
      const n = childCount;
      childCount = (counts.pop() ?? 0) + 1;
      log.push(starts.pop()!, state.position, n);
      if (starts.length === 0) {
        // A document's root node closed: everything logged since the last root belongs to it.
        rootSpans.push([docLogStart, log.length]);
        docLogStart = log.length;
        childCount = 0;
      }
    }
  };

  try {
    values = yaml.loadAll(text, null, { listener, filename: path, json: false } as yaml.LoadOptions);
  } catch (err) {
    errors.push(describeYamlError(err));
  }

  let ignores: InlineIgnore[] | undefined;
  const fileIgnores = () => (ignores ??= parseInlineIgnores(text));

  values.forEach((value, documentIndex) => {
    const span = rootSpans[documentIndex];
    if (!span) return;
    if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) return;
    if (text.includes('&') && exceedsAliasBudget(value, limits.maxAliasExpansion)) {
      errors.push({
        message: `document ${documentIndex + 1}: aliases expand to more than ${limits.maxAliasExpansion} nodes (alias bomb?)`,
        code: 'alias-bomb',
      });
      return;
    }
    const positions = new PositionIndex(text, log, span[0], span[1]);
    const obj = value as KubeObject;
    const add = (object: KubeObject, base: ReadonlyArray<string | number>) => {
      if (typeof object.kind !== 'string' || typeof object.apiVersion !== 'string') return;
      documents.push(makeDocument(path, text, lines, positions, object, base, documentIndex, fileIgnores));
    };
    if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray((obj as { items?: unknown }).items)) {
      ((obj as { items: unknown[] }).items).forEach((item, i) => {
        if (item && typeof item === 'object' && !Array.isArray(item)) add(item as KubeObject, ['items', i]);
      });
    } else {
      add(obj, []);
    }
  });
  return { documents, errors };
}

function makeDocument(
  path: string,
  text: string,
  lines: LineIndex,
  positions: PositionIndex,
  object: KubeObject,
  base: ReadonlyArray<string | number>,
  documentIndex: number,
  fileIgnores: () => InlineIgnore[],
): KubeDocument {
  const meta = (object.metadata && typeof object.metadata === 'object' ? object.metadata : {}) as Record<string, unknown>;
  const name = typeof meta.name === 'string' ? meta.name : typeof meta.generateName === 'string' ? `${meta.generateName}*` : '';
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : undefined;
  const objectKind = object.kind as string;
  const resource: Resource = { kind: objectKind, name, ...(namespace !== undefined ? { namespace } : {}) };
  const toRange = (offsets: { start: number; end: number }): Range => {
    const s = lines.position(offsets.start);
    const e = lines.position(offsets.end);
    return { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
  };
  let whole: Range | undefined;
  const annotations = meta.annotations && typeof meta.annotations === 'object' ? (meta.annotations as Record<string, unknown>) : {};
  const ignoreValue = annotations[ANNOTATION_IGNORE];
  const doc: KubeDocument = {
    kind: 'kubernetes',
    path,
    resource,
    object,
    base,
    documentIndex,
    objectKind,
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    get range() {
      return (whole ??= toRange(positions.locate(base)));
    },
    resolve(target: Target): Range {
      if ('range' in target) return target.range;
      return toRange(positions.locate([...base, ...target.pointer]));
    },
    snippet(range: Range): string {
      return lines.slice(range.startLine, range.startColumn, range.endLine, range.endColumn);
    },
    get ignores() {
      return fileIgnores();
    },
    get(pointer) {
      let cur: unknown = object;
      for (const key of pointer) {
        if (cur === null || typeof cur !== 'object') return undefined;
        cur = (cur as Record<string | number, unknown>)[key];
      }
      return cur;
    },
  };
  if (typeof ignoreValue === 'string' && ignoreValue.trim() !== '') {
    const reason = typeof annotations[ANNOTATION_REASON] === 'string' ? (annotations[ANNOTATION_REASON] as string) : 'annotation';
    doc.objectIgnores = {
      ids: ignoreValue.split(/[\s,]+/).filter(Boolean),
      reason,
      source: `metadata.annotations["${ANNOTATION_IGNORE}"]`,
    };
  }
  return doc;
}

function describeYamlError(err: unknown): ParseProblem {
  if (err instanceof NestingError) return { message: err.message, code: 'too-deep' };
  if (err instanceof RangeError) return { message: 'nesting too deep to parse', code: 'too-deep' };
  if (err instanceof yaml.YAMLException && /maxDepth/.test(err.reason)) return { message: 'nesting too deep to parse', code: 'too-deep' };
  if (err instanceof yaml.YAMLException) {
    const mark = err.mark as { line?: number; column?: number } | undefined;
    const line = mark?.line !== undefined ? mark.line + 1 : undefined;
    const where = line !== undefined ? ` at line ${line}, column ${(mark?.column ?? 0) + 1}` : '';
    return { message: `invalid YAML${where}: ${err.reason}`, code: 'invalid-yaml', ...(line !== undefined ? { line } : {}) };
  }
  return { message: `invalid YAML: ${err instanceof Error ? err.message : String(err)}`, code: 'invalid-yaml' };
}

/** Walks the value as a consumer would, counting nodes reached through aliases; stops at the budget. */
function exceedsAliasBudget(value: unknown, budget: number): boolean {
  let visited = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const cur = stack.pop();
    if (++visited > budget) return true;
    if (cur !== null && typeof cur === 'object') {
      if (Array.isArray(cur)) for (const v of cur) stack.push(v);
      else for (const k in cur as Record<string, unknown>) stack.push((cur as Record<string, unknown>)[k]);
    }
  }
  return false;
}
