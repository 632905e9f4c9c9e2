import type { Finding, ScanError, ScanNote } from './finding.js';

export const REPORT_SCHEMA_VERSION = '1.0.0';

export interface ScanStats {
  filesScanned: number;
  documentsScanned: number;
  durationMs: number;
  findingsBySeverity: Record<string, number>;
  suppressed: number;
}

export interface ScanResult {
  schemaVersion: string;
  tool: { name: 'drydock'; version: string };
  target: string;
  startedAt: string;
  findings: Finding[];
  errors: ScanError[];
  notes: ScanNote[];
  stats: ScanStats;
  /** Optional sections filled by package and vulnerability scanners. */
  [section: string]: unknown;
}
