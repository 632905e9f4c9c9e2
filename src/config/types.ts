import type { Severity } from '../model/index.js';
import type { IgnoreEntry } from '../engine/suppress.js';

export type RuleSetting = 'off' | Severity | { severity?: Severity; enabled?: boolean };

/** drydock.yaml: everything optional; flags win over the file. */
export interface DrydockConfig {
  /** Report only these severities. */
  severity?: Severity[];
  /** Fail the gate when a finding at or above this severity remains. */
  failOn?: Severity;
  /** Exit code when the gate fails. */
  exitCode?: number;
  skipDirs?: string[];
  skipFiles?: string[];
  /** Bytes; files larger are reported and skipped. */
  maxFileSize?: number;
  /** Extra globs of Compose files. */
  composeFiles?: string[];
  /** Per-rule switches and severity overrides, by id or alias. */
  rules?: Record<string, RuleSetting>;
  /** Settings rules read. */
  settings?: {
    allowedRegistries?: string[];
    minUid?: number;
    [key: string]: unknown;
  };
  /** Secret detection (see src/secrets/settings.ts). */
  secrets?: {
    maxFileSize?: number;
    generic?: boolean;
    disabled?: string[];
    allowlist?: { paths?: string[]; regexes?: string[]; stopwords?: string[] };
  };
}

export interface IgnoreFile {
  entries: IgnoreEntry[];
}
