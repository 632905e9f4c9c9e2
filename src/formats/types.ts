import type { ScanResult } from '../model/index.js';
import type { Rule } from '../rules/types.js';

export interface FormatOptions {
  /** Use ANSI colours (table only). */
  color: boolean;
  /** List suppressed findings too. */
  showSuppressed: boolean;
  /** The rule registry, for rule help (SARIF, JUnit). */
  rules: readonly Rule<any>[];
  /** Terminal width for human formats. */
  width?: number;
  /** Print secrets unredacted (table on a terminal only; the CLI enforces it). */
  noRedact?: boolean;
}

/** A pure output format: a result in, a string out. */
export interface Format {
  id: string;
  aliases: string[];
  description: string;
  /** Media type of the output. */
  mediaType: string;
  render(result: ScanResult, options: FormatOptions): string;
  /**
   * The same text as `render`, in pieces, for writers that stream it out: a large report is never
   * held as one string. Formats without it are written whole.
   */
  chunks?(result: ScanResult, options: FormatOptions): Iterable<string>;
}
