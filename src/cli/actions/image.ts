import type cliProgressTypes from 'cli-progress';
import { lazy } from '../../util/lazy.js';
import { parsePlatform } from '../../parsers/image/reference.js';
import { prepareScan } from '../../scan.js';
import { isImageError } from '../../sources/image/errors.js';
import { scanImage } from '../../sources/image/scan.js';
import path from 'node:path';
import type { Package, ScanNote } from '../../model/index.js';
import { scanVulnerabilities } from '../../vuln/scan.js';
import { UsageError, type CliIO } from '../io.js';
import { checkFormat, emitReport, parseSeverity, parseSeverityList } from '../report.js';
import type { ReportFlags } from '../report-options.js';

const cliProgress = lazy<typeof cliProgressTypes>('cli-progress');

/** Exit code for an image that could not be read at all (distinct from the gate, usage errors (2) and internal errors (3)). */
export const EXIT_IMAGE_UNREADABLE = 4;

/** The flags of `drydock image` (see commands/image.ts). */
export interface ImageFlags extends ReportFlags {
  input?: string;
  platform?: string;
  insecure?: boolean;
  config?: string;
  ignoreFile?: string;
  rules?: string[];
  secrets?: boolean;
  packages?: boolean;
  vulns?: boolean;
  ignoreUnfixed?: boolean;
  vex?: string[];
  cacheDir?: string;
}

export async function runImage(io: CliIO, ref: string, flags: ImageFlags): Promise<void> {
  checkFormat(flags.format);
  if (flags.vulns && flags.packages === false) throw new UsageError('--vulns needs the package inventory; drop --no-packages');
  const vulnerabilities = flags.vulns
    ? (packages: Package[], notes: ScanNote[]) =>
        scanVulnerabilities(packages, {
          ...(flags.cacheDir ? { cacheDir: path.resolve(io.cwd, flags.cacheDir) } : {}),
          ...(flags.ignoreUnfixed ? { ignoreUnfixed: true } : {}),
          ...(flags.vex ? { vex: flags.vex.map((v) => path.resolve(io.cwd, v)) } : {}),
          notes,
        })
    : undefined;
  let platform;
  if (flags.platform) {
    try {
      platform = parsePlatform(flags.platform);
    } catch (e) {
      throw new UsageError(`--platform: ${(e as Error).message}`);
    }
  }
  const severity = parseSeverityList(flags.severity);
  const failOn = parseSeverity(flags.failOn, '--fail-on');
  const prepared = prepareScan({
    cwd: io.cwd,
    ...(flags.config ? { configFile: flags.config } : {}),
    ...(flags.ignoreFile ? { ignoreFile: flags.ignoreFile } : {}),
    ...(flags.rules ? { only: flags.rules } : {}),
    overrides: { ...(severity ? { severity } : {}), ...(failOn ? { failOn } : {}) },
  });
  let bar: cliProgressTypes.SingleBar | undefined;
  const onProgress = io.isErrTTY
    ? (e: { done: number; total: number }) => {
        // Only long pulls get a bar: small images finish before it would help.
        if (!bar && e.total > 32 * 1024 * 1024) {
          bar = new (cliProgress().SingleBar)({ format: 'pulling [{bar}] {percentage}% {value}/{total} MiB', stream: process.stderr, hideCursor: true }, cliProgress().Presets.shades_classic);
          bar.start(Math.ceil(e.total / 1048576), 0);
        }
        bar?.update(Math.floor(e.done / 1048576));
      }
    : undefined;
  let result;
  try {
    result = await scanImage(ref, {
      prepared,
      ...(flags.input ? { input: flags.input } : {}),
      ...(platform ? { platform } : {}),
      ...(flags.insecure ? { insecure: true } : {}),
      ...(flags.secrets === false ? { secrets: false } : {}),
      ...(flags.packages === false ? { packages: false } : {}),
      ...(onProgress ? { onProgress } : {}),
      ...(vulnerabilities ? { vulnerabilities } : {}),
      ...(io.env.DOCKER_CONFIG ? { dockerConfigDir: io.env.DOCKER_CONFIG } : {}),
    });
  } catch (e) {
    if (isImageError(e)) {
      io.stderr(`drydock: cannot read image ${ref}: ${e.message} [${e.code}]\n`);
      io.setExitCode(EXIT_IMAGE_UNREADABLE);
      return;
    }
    throw e;
  } finally {
    bar?.stop();
  }
  for (const err of result.errors) io.stderr(`drydock: ${err.path}: ${err.message}\n`);
  emitReport(result, flags, io, {
    ...(prepared.config.exitCode !== undefined ? { exitCode: prepared.config.exitCode } : {}),
    ...(prepared.config.failOn ? { failOn: prepared.config.failOn } : {}),
  });
}
