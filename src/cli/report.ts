import { closeSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gateExitCode } from '../engine/gate.js';
import { findFormat, formats } from '../formats/index.js';
import { isSeverity, SEVERITIES, type ScanResult, type Severity } from '../model/index.js';
import { allRules } from '../rules/index.js';
import { UsageError, type CliIO } from './io.js';
import type { ReportFlags } from './report-options.js';

export { addReportOptions, type ReportFlags } from './report-options.js';

export function parseSeverityList(value: string | undefined): Severity[] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const s of list) if (!isSeverity(s)) throw new UsageError(`unknown severity "${s}"; use ${SEVERITIES.join(', ')}`);
  return list as Severity[];
}

export function parseSeverity(value: string | undefined, flag: string): Severity | undefined {
  if (value === undefined) return undefined;
  const s = value.trim().toLowerCase();
  if (!isSeverity(s)) throw new UsageError(`${flag}: unknown severity "${value}"; use ${SEVERITIES.join(', ')}`);
  return s;
}

export function parseExitCode(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > 125) throw new UsageError(`--exit-code: expected a number from 0 to 125, got "${value}"`);
  return Number(value);
}

/** Checks the format flag early, before any work. */
export function checkFormat(name: string): void {
  if (!findFormat(name)) throw new UsageError(`unknown format "${name}"; use ${formats.map((f) => f.id).join(', ')}`);
}

/**
 * Renders a result, writes it to stdout or --output, and sets the exit code of the gate.
 * Config-file values (`exitCode`, `failOn`) apply when the flags are absent.
 */
export function emitReport(result: ScanResult, flags: ReportFlags, io: CliIO, defaults: { exitCode?: number; failOn?: Severity } = {}): void {
  const format = findFormat(flags.format);
  if (!format) throw new UsageError(`unknown format "${flags.format}"`);
  const toTerminal = !flags.output && io.isTTY;
  const noRedact = flags.redact === false || flags.noRedact === true;
  if (noRedact && (format.id !== 'table' || !toTerminal)) {
    throw new UsageError('--no-redact works only with the table format written to a terminal');
  }
  const color = toTerminal && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '') && io.env.TERM !== 'dumb';
  const options = {
    color,
    showSuppressed: Boolean(flags.showSuppressed),
    rules: allRules,
    ...(noRedact ? { noRedact: true } : {}),
    ...(process.stdout.columns ? { width: process.stdout.columns } : {}),
  };
  // Formats that can stream are written piece by piece, so a large report is never one string.
  const pieces = format.chunks ? format.chunks(result, options) : [format.render(result, options)];
  if (flags.output) {
    const fd = openSync(path.resolve(io.cwd, flags.output), 'w');
    try {
      // writeFileSync on a descriptor writes the whole piece, however many writes it takes.
      for (const piece of pieces) writeFileSync(fd, piece);
    } finally {
      closeSync(fd);
    }
  } else {
    for (const piece of pieces) io.stdout(piece);
  }
  const exitCode = parseExitCode(flags.exitCode) ?? defaults.exitCode ?? 0;
  const failOn = parseSeverity(flags.failOn, '--fail-on') ?? defaults.failOn;
  io.setExitCode(gateExitCode(result.findings, { exitCode, ...(failOn ? { failOn } : {}) }));
}
