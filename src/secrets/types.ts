/** Where a scanned file came from: a layer of an image, or a commit of a repository. */
export interface SecretOrigin {
  layer?: string;
  pathInImage?: string;
  commit?: { sha: string; author: string; date: string };
}

/** A candidate a detector found inside one window of text (offsets are into that window). */
export interface RawMatch {
  /** Offset of the secret in the window. */
  index: number;
  /** The secret itself. */
  secret: string;
}

export type DetectorCategory = 'cloud' | 'vcs-ci' | 'registry' | 'saas' | 'private-key' | 'token' | 'url' | 'generic';

export interface Detector {
  /** Stable slug; also the slug of the rule that reports it. */
  id: string;
  /** What the secret is, e.g. "GitHub personal access token". */
  title: string;
  category: DetectorCategory;
  /** Literal strings (matched case-insensitively) of which one must appear near a match. At least 3 characters. */
  keywords: readonly string[];
  /**
   * Searched inside the window around a keyword. Group 1, when present, is the secret; otherwise the
   * whole match. Patterns use bounded quantifiers only, so they cannot backtrack catastrophically.
   */
  pattern?: RegExp;
  /** Custom search instead of a pattern. */
  find?(window: string): RawMatch[];
  /** Structural check (checksum, length, decoding). False: not a secret of this type. */
  validate?(secret: string): boolean;
  /** True when `validate` checks a checksum the issuer puts in the token. */
  checksum?: boolean;
  /** Lowest Shannon entropy (bits per character) of the secret. */
  minEntropy?: number;
  /** Skip placeholder filtering (formats whose fixed parts would look like placeholders). */
  noPlaceholderCheck?: boolean;
  /** The part of the secret checked for placeholders and entropy (defaults to the whole secret). */
  body?(secret: string): string;
  /** Bytes after the keyword's line start searched for a multi-line secret (private keys). */
  multiline?: number;
  /** Higher wins when two matches overlap; generic assignments are 0. */
  priority?: number;
  severity: 'critical' | 'high' | 'medium' | 'low';
}

/** One secret found in a file, with its 1-based position. */
export interface SecretMatch {
  detector: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  /** Redacted form: a prefix and the length. Never the secret. */
  redacted: string;
  length: number;
  entropy: number;
  /** The issuer's checksum was verified. */
  checksumValid?: boolean;
  /** Where inside a structured file the secret was found, when not in the plain text. */
  context?: string;
  /** A hash of the detector and the secret: stable when lines move and files are renamed. */
  hash: string;
  /** Non-enumerable: the secret itself, read only through `revealSecret`. */
  readonly secret: string;
}

export interface SecretsAllowlist {
  /** Globs of paths never scanned for secrets. */
  paths: string[];
  /** Regular expressions: a secret matching one is not reported. */
  regexes: string[];
  /** Words: a secret containing one (case-insensitive) is not reported. */
  stopwords: string[];
}

export interface SecretsSettings {
  /** Bytes of one file scanned; the rest is skipped with a note. */
  maxFileSize: number;
  allowlist: SecretsAllowlist;
  /** Detector ids turned off. */
  disabled: string[];
  /** Also report generic assignments (password = "…"). */
  generic: boolean;
}

export const DEFAULT_SECRETS_SETTINGS: SecretsSettings = {
  maxFileSize: 8 * 1024 * 1024,
  allowlist: { paths: [], regexes: [], stopwords: [] },
  disabled: [],
  generic: true,
};
