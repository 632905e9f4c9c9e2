import yaml from 'js-yaml';
import { parseYamlFast, type FastYamlStream } from './fast.js';
import { PositionIndex } from './positions.js';

export interface YamlDocument {
  /** The loaded value (plain JS data). */
  value: unknown;
  /** 0-based index of the document in the stream. */
  index: number;
  /** Character offsets of the deepest node on a pointer: from the key to the end of the value. */
  locate(pointer: ReadonlyArray<string | number>): { start: number; end: number };
}

export interface YamlProblem {
  message: string;
  code: 'invalid-yaml' | 'too-deep' | 'alias-bomb';
  line?: number;
}

export interface YamlLimits {
  /** Deepest nesting of collections accepted. */
  maxDepth: number;
  /** Most nodes a document may reach when aliases are followed. */
  maxAliasExpansion: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = { maxDepth: 128, maxAliasExpansion: 200_000 };

class NestingError extends Error {}

/** js-yaml's own nesting limit (its default `maxDepth`), which the fast reader must not exceed. */
const JS_YAML_MAX_DEPTH = 100;

/**
 * YAML 1.2 core types plus merge keys: Kubernetes and Compose read `2024-01-01` as a string, so
 * timestamps are not resolved (which also spares a costly check on every plain scalar).
 */
const SCHEMA = yaml.CORE_SCHEMA.extend({ implicit: [(yaml as unknown as { types: { merge: yaml.Type } }).types.merge] });

/**
 * Loads a YAML (or JSON) stream with js-yaml, the fastest parser here, and records every node's
 * offsets through its listener as a flat post-order log. The log becomes a tree only for documents
 * whose positions are asked for, so the scan path pays little for field-level lines.
 * Documents before a syntax error are kept; the error is reported.
 */
export function parseYamlStream(text: string, filename: string, limits: YamlLimits = DEFAULT_YAML_LIMITS): { documents: YamlDocument[]; errors: YamlProblem[] } {
  // Both readers drop a byte-order mark, so their offsets are one short of the text: shift them back.
  if (text.charCodeAt(0) === 0xfeff) {
    const inner = parseStream(text.slice(1), filename, limits);
    return {
      errors: inner.errors,
      documents: inner.documents.map((d) => ({
        ...d,
        locate: (pointer) => {
          const r = d.locate(pointer);
          return { start: r.start + 1, end: r.end + 1 };
        },
      })),
    };
  }
  return parseStream(text, filename, limits);
}

function parseStream(text: string, filename: string, limits: YamlLimits): { documents: YamlDocument[]; errors: YamlProblem[] } {
  // Most manifests stay within the subset the fast reader handles; anything else (and every
  // error, so that messages and lines come from js-yaml) goes the js-yaml way below.
  let fast: FastYamlStream | undefined;
  try {
    fast = parseYamlFast(text, Math.min(limits.maxDepth, JS_YAML_MAX_DEPTH));
  } catch {
    fast = undefined;
  }
  if (fast) {
    const { log, spans } = fast;
    const documents = fast.values.map((value, index): YamlDocument => {
      const positions = new PositionIndex(text, log, spans[index]![0], spans[index]![1]);
      return { value, index, locate: (pointer) => positions.locate(pointer) };
    });
    return { documents, errors: [] };
  }

  const errors: YamlProblem[] = [];
  const log: number[] = [];
  const starts: number[] = [];
  const counts: number[] = [];
  let childCount = 0;
  let docLogStart = 0;
  const spans: [number, number][] = [];
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
        spans.push([docLogStart, log.length]);
        docLogStart = log.length;
        childCount = 0;
      }
    }
  };

  try {
    values = yaml.loadAll(text, null, { listener, filename, json: false, schema: SCHEMA } as yaml.LoadOptions);
  } catch (err) {
    errors.push(describeYamlError(err));
    // js-yaml loses the documents before the error; load them again up to the failing one.
    values = recoverLeading(text, spans.length);
  }

  const documents: YamlDocument[] = [];
  const mayAlias = text.includes('&');
  values.forEach((value, index) => {
    const span = spans[index];
    if (!span) return;
    if (mayAlias && value !== null && typeof value === 'object' && exceedsAliasBudget(value, limits.maxAliasExpansion)) {
      errors.push({
        message: `document ${index + 1}: aliases expand to more than ${limits.maxAliasExpansion} nodes (alias bomb?); skipped`,
        code: 'alias-bomb',
      });
      return;
    }
    const positions = new PositionIndex(text, log, span[0], span[1]);
    documents.push({ value, index, locate: (pointer) => positions.locate(pointer) });
  });
  return { documents, errors };
}

/** Loads the first `count` complete documents of a stream whose later part does not parse. */
function recoverLeading(text: string, count: number): unknown[] {
  if (count === 0) return [];
  const out: unknown[] = [];
  const re = /^---(?=[ \t]|\r?$)/gm;
  const cuts: number[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) cuts.push(m.index);
  // Each complete document ends before a marker line; try successively longer prefixes.
  for (const cut of cuts) {
    if (out.length >= count) break;
    try {
      const docs = yaml.loadAll(text.slice(0, cut), null, { json: false, schema: SCHEMA } as yaml.LoadOptions);
      if (docs.length > out.length) out.splice(0, out.length, ...docs.slice(0, count));
    } catch {
      break;
    }
  }
  return out;
}

function describeYamlError(err: unknown): YamlProblem {
  if (err instanceof NestingError) return { message: err.message, code: 'too-deep' };
  if (err instanceof RangeError) return { message: 'nesting too deep to parse', code: 'too-deep' };
  if (err instanceof yaml.YAMLException) {
    if (/maxDepth/.test(err.reason)) return { message: 'nesting too deep to parse', code: 'too-deep' };
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
