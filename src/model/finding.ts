import type { Severity } from './severity.js';
import type { PracticeId } from './practice.js';

/** 1-based line and column range inside `path`. */
export interface Location {
  path: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  /** Image findings: the digest of the layer the file came from. */
  layer?: string;
  /** Image findings: the path of the file inside the image. */
  pathInImage?: string;
  /** Git-history findings: the commit that added the line. */
  commit?: { sha: string; author: string; date: string };
}

/** The object a finding is about: a Kubernetes object, a Compose service, a Dockerfile stage, an image. */
export interface Resource {
  kind: string;
  namespace?: string;
  name: string;
  /** Container (Kubernetes), service (Compose) or stage (Dockerfile) inside the resource. */
  container?: string;
}

/**
 * The resource of one container inside `resource`. Built field by field rather than by spreading:
 * V8 gives each object made by spreading and then extending its own hidden class, which a report
 * holding thousands of findings pays for.
 */
export function containerOf(resource: Resource, container: string): Resource {
  // One shape for every resource of a manifest (absent fields undefined, which JSON leaves out):
  // the code that builds findings then sees one kind of object, and V8 keeps it optimised.
  return { kind: resource.kind, name: resource.name, namespace: resource.namespace, container };
}

export type SuppressionKind = 'inline' | 'annotation' | 'ignore-file' | 'vex' | 'baseline';

export interface Suppression {
  kind: SuppressionKind;
  reason: string;
  /** Where the suppression itself was written, e.g. `.drydockignore.yaml:12`. */
  source?: string;
  expires?: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  title: string;
  message: string;
  practice: PracticeId;
  location: Location;
  resource?: Resource;
  /** Stable across line moves and file renames: hashes rule, resource and the offending content. */
  fingerprint: string;
  suppressed?: Suppression;
  /** Extra, rule-specific machine-readable facts (package, vulnerability, secret type, …). */
  properties?: Record<string, unknown>;
}

/** A per-item failure: the scan goes on. */
export interface ScanError {
  path: string;
  message: string;
  /** A short machine-readable reason: 'invalid-yaml', 'too-large', 'binary', 'symlink-loop', … */
  code: string;
}

/** A note that is not a failure: a size cap applied, an expired suppression, … */
export interface ScanNote {
  path?: string;
  message: string;
  code: string;
}
