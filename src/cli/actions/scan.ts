import { prepareScan, scan, type ScanOptions, type Scanner } from '../../scan.js';
import { UsageError, type CliIO } from '../io.js';
import { checkFormat, emitReport, parseSeverity, parseSeverityList } from '../report.js';
import type { ReportFlags } from '../report-options.js';

const SCANNERS: Scanner[] = ['misconfig', 'secret', 'vuln'];

export function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?$/i.exec(value.trim());
  if (!m) throw new UsageError(`--max-file-size: expected a size such as 512k or 16M, got "${value}"`);
  const n = Number(m[1]);
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.round(n * mult);
}

/** The flags of `drydock scan` (see commands/scan.ts). */
export interface ScanFlags extends ReportFlags {
  config?: string;
  ignoreFile?: string;
  skipDirs?: string[];
  skipFiles?: string[];
  maxFileSize?: string;
  composeFiles?: string[];
  scanners: string;
  rules?: string[];
  allowedRegistries?: string[];
  baseline?: string;
  stdinFilename?: string;
  gitHistory?: boolean;
  since?: string;
  ignoreUnfixed?: boolean;
  vex?: string[];
  cacheDir?: string;
}

export async function runScan(io: CliIO, target: string, flags: ScanFlags): Promise<void> {
  checkFormat(flags.format);
  const scanners = flags.scanners.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of scanners) if (!SCANNERS.includes(s as Scanner)) throw new UsageError(`--scanners: unknown scanner "${s}"; use ${SCANNERS.join(', ')}`);
  if (flags.since && !flags.gitHistory) throw new UsageError('--since needs --git-history');
  const severity = parseSeverityList(flags.severity);
  const failOn = parseSeverity(flags.failOn, '--fail-on');
  const stdin = target === '-' ? await io.readStdin() : undefined;
  const options: ScanOptions = {
    target,
    cwd: io.cwd,
    ...(stdin !== undefined ? { stdin } : {}),
    ...(flags.stdinFilename ? { stdinFilename: flags.stdinFilename } : {}),
    ...(flags.config ? { configFile: flags.config } : {}),
    ...(flags.ignoreFile ? { ignoreFile: flags.ignoreFile } : {}),
    ...(flags.baseline ? { baseline: flags.baseline } : {}),
    ...(flags.rules ? { only: flags.rules } : {}),
    scanners: scanners as Scanner[],
    ...(flags.gitHistory ? { gitHistory: flags.since ? { since: flags.since } : {} } : {}),
    vuln: {
      ...(flags.cacheDir ? { cacheDir: flags.cacheDir } : {}),
      ...(flags.ignoreUnfixed ? { ignoreUnfixed: true } : {}),
      ...(flags.vex ? { vex: flags.vex } : {}),
    },
    overrides: {
      ...(severity ? { severity } : {}),
      ...(failOn ? { failOn } : {}),
      ...(flags.skipDirs ? { skipDirs: flags.skipDirs } : {}),
      ...(flags.skipFiles ? { skipFiles: flags.skipFiles } : {}),
      ...(flags.composeFiles ? { composeFiles: flags.composeFiles } : {}),
      ...(flags.maxFileSize ? { maxFileSize: parseSize(flags.maxFileSize) } : {}),
      ...(flags.allowedRegistries ? { settings: { allowedRegistries: flags.allowedRegistries } } : {}),
    },
    onError: (e) => io.stderr(`drydock: ${e.path}: ${e.message}\n`),
  };
  const prepared = prepareScan(options);
  const result = await scan({ ...options, prepared });
  emitReport(result, flags, io, {
    ...(prepared.config.exitCode !== undefined ? { exitCode: prepared.config.exitCode } : {}),
    ...(prepared.config.failOn ? { failOn: prepared.config.failOn } : {}),
  });
}
