import type { ScannedDocument } from '../engine/document.js';
import type { Package, ScanNote } from '../model/index.js';
import type { InputKind } from '../rules/types.js';

/** A file as the sources hand it over: a path, its bytes, and where it came from. */
export interface VirtualFile {
  /** Path shown to users (relative to the scan root, or inside the image). */
  path: string;
  bytes: Uint8Array;
  origin?: ScannedDocument['origin'];
}

export interface FileProblem {
  message: string;
  code: string;
  line?: number;
}

export interface AnalyzerOutput {
  documents: ScannedDocument[];
  errors: FileProblem[];
  notes?: ScanNote[];
  packages?: Package[];
}

/** Settings analyzers may read; filled from drydock.yaml and flags. */
export interface AnalyzerSettings {
  /** Extra globs that name Compose files. */
  composeFiles: string[];
  [key: string]: unknown;
}

export const DEFAULT_ANALYZER_SETTINGS: AnalyzerSettings = { composeFiles: [] };

/**
 * Turns one kind of file into documents for the rules of that kind. `claims` is a cheap test on
 * the path; `analyze` is pure: bytes in, documents and per-file problems out.
 */
export interface Analyzer {
  kind: InputKind;
  claims(path: string, settings: AnalyzerSettings): boolean;
  analyze(file: VirtualFile, settings: AnalyzerSettings): AnalyzerOutput;
  /** Asynchronous set-up (loading a WebAssembly parser), awaited before the first file it claims. */
  prepare?(): Promise<void>;
}
