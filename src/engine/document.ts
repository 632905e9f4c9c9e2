import type { Resource } from '../model/index.js';
import type { InputKind, Range, Target } from '../rules/types.js';

/** One inline `drydock:ignore` comment. */
export interface InlineIgnore {
  line: number;
  ids: string[];
  reason: string;
  /** True when the comment stands alone on its line (so it covers the next line too). */
  ownLine: boolean;
}

/**
 * What every parsed document gives the engine, whatever its kind: where it is, how to turn a
 * report target into a range, and how it may be suppressed.
 */
export interface ScannedDocument {
  kind: InputKind;
  /** The object's own kind, for documents that hold one object of a kind (Kubernetes). */
  objectKind?: string;
  /** The path shown to users. */
  path: string;
  /** The default resource of findings in this document. */
  resource?: Resource;
  /** The range of the whole object: used when a report has no target. */
  range: Range;
  resolve(target: Target): Range;
  /** The source text at a range, for fingerprints. */
  snippet(range: Range): string;
  /** Inline ignore comments in the document's file. */
  ignores: InlineIgnore[];
  /** Ids suppressed on the object itself (Kubernetes annotations), with the reason. */
  objectIgnores?: { ids: string[]; reason: string; source: string };
  /** Extra origin facts that go into every location (layer digest, path in image, commit). */
  origin?: { layer?: string; pathInImage?: string; commit?: { sha: string; author: string; date: string } };
}
