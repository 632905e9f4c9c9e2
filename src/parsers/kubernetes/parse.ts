import type { InlineIgnore, ScannedDocument } from '../../engine/document.js';
import type { Resource } from '../../model/index.js';
import type { Range, Target } from '../../rules/types.js';
import { parseInlineIgnores } from '../../util/inline-ignore.js';
import { LineIndex } from '../../util/lines.js';
import { detached } from '../../util/text.js';
import type { PodSpecRef } from './workload.js';
import { DEFAULT_YAML_LIMITS, parseYamlStream, type YamlDocument, type YamlLimits } from '../yaml/index.js';

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
  /** Memo of `podSpecOf` (null: the object carries no pod spec). */
  podSpecMemo?: PodSpecRef | null;
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

const ANNOTATION_IGNORE = 'drydock.io/ignore';
const ANNOTATION_REASON = 'drydock.io/ignore-reason';

/** Parses a YAML or JSON stream of Kubernetes objects; `List` kinds become one document per item. */
export function parseKubernetes(text: string, path: string, limits: YamlLimits = DEFAULT_YAML_LIMITS): KubeParseResult {
  const documents: KubeDocument[] = [];
  const stream = parseYamlStream(text, path, limits);
  const errors: ParseProblem[] = [...stream.errors];
  const lines = new LineIndex(text);
  let ignores: InlineIgnore[] | undefined;
  const fileIgnores = () => (ignores ??= parseInlineIgnores(text));

  for (const yamlDoc of stream.documents) {
    const value = yamlDoc.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const obj = value as KubeObject;
    const add = (object: KubeObject, base: ReadonlyArray<string | number>) => {
      if (typeof object.kind !== 'string' || typeof object.apiVersion !== 'string') return;
      documents.push(makeDocument(path, lines, yamlDoc, object, base, fileIgnores));
    };
    if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray((obj as { items?: unknown }).items)) {
      (obj as { items: unknown[] }).items.forEach((item, i) => {
        if (item && typeof item === 'object' && !Array.isArray(item)) add(item as KubeObject, ['items', i]);
      });
    } else {
      add(obj, []);
    }
  }
  return { documents, errors };
}

function makeDocument(
  path: string,
  lines: LineIndex,
  yamlDoc: YamlDocument,
  object: KubeObject,
  base: ReadonlyArray<string | number>,
  fileIgnores: () => InlineIgnore[],
): KubeDocument {
  const doc = new KubeDoc(path, lines, yamlDoc, object, base, fileIgnores);
  const annotations = doc.meta.annotations && typeof doc.meta.annotations === 'object' ? (doc.meta.annotations as Record<string, unknown>) : undefined;
  const ignoreValue = annotations?.[ANNOTATION_IGNORE];
  if (typeof ignoreValue === 'string' && ignoreValue.trim() !== '') {
    const reason = typeof annotations![ANNOTATION_REASON] === 'string' ? (annotations![ANNOTATION_REASON] as string) : 'annotation';
    doc.objectIgnores = {
      ids: ignoreValue.split(/[\s,]+/).filter(Boolean),
      reason,
      source: `metadata.annotations["${ANNOTATION_IGNORE}"]`,
    };
  }
  return doc;
}

/** One Kubernetes object of a stream; positions are computed only when a finding asks for them. */
class KubeDoc implements KubeDocument {
  readonly kind = 'kubernetes' as const;
  readonly resource: Resource;
  readonly documentIndex: number;
  readonly objectKind: string;
  readonly name: string;
  readonly namespace?: string;
  objectIgnores?: KubeDocument['objectIgnores'];
  podSpecMemo: PodSpecRef | null | undefined = undefined;
  private whole: Range | undefined;

  constructor(
    readonly path: string,
    private readonly lines: LineIndex,
    private readonly yamlDoc: YamlDocument,
    readonly object: KubeObject,
    readonly base: ReadonlyArray<string | number>,
    private readonly fileIgnores: () => InlineIgnore[],
  ) {
    this.documentIndex = yamlDoc.index;
    const meta = this.meta;
    this.name = typeof meta.name === 'string' ? meta.name : typeof meta.generateName === 'string' ? `${meta.generateName}*` : '';
    const namespace = typeof meta.namespace === 'string' ? meta.namespace : undefined;
    if (namespace !== undefined) this.namespace = namespace;
    this.objectKind = object.kind as string;
    // Findings keep the resource until the report is written: its strings must not pin the file's text.
    // The shape containerOf gives too (absent fields undefined; JSON leaves them out).
    this.resource = { kind: detached(this.objectKind), name: detached(this.name), namespace: namespace !== undefined ? detached(namespace) : undefined, container: undefined };
  }

  get meta(): Record<string, unknown> {
    const m = this.object.metadata;
    return (m && typeof m === 'object' ? m : EMPTY) as Record<string, unknown>;
  }

  get range(): Range {
    return (this.whole ??= this.toRange(this.yamlDoc.locate(this.base)));
  }

  get ignores(): InlineIgnore[] {
    return this.fileIgnores();
  }

  resolve(target: Target): Range {
    if ('range' in target) return target.range;
    const base = this.base;
    return this.toRange(this.yamlDoc.locate(base.length === 0 ? target.pointer : [...base, ...target.pointer]));
  }

  snippet(range: Range): string {
    return this.lines.slice(range.startLine, range.startColumn, range.endLine, range.endColumn);
  }

  get(pointer: ReadonlyArray<string | number>): unknown {
    let cur: unknown = this.object;
    for (const key of pointer) {
      if (cur === null || typeof cur !== 'object') return undefined;
      cur = (cur as Record<string | number, unknown>)[key];
    }
    return cur;
  }

  private toRange(offsets: { start: number; end: number }): Range {
    const s = this.lines.position(offsets.start);
    const e = this.lines.position(offsets.end);
    return { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
  }
}

const EMPTY: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;
