import { Option, type Command } from '@commander-js/extra-typings';
import type cliProgressTypes from 'cli-progress';
import { lazy } from '../../util/lazy.js';

const cliProgress = lazy<typeof cliProgressTypes>('cli-progress');
import { parsePlatform } from '../../parsers/image/reference.js';
import { prepareScan } from '../../scan.js';
import { isImageError } from '../../sources/image/errors.js';
import { scanImage } from '../../sources/image/scan.js';
import path from 'node:path';
import type { Package, ScanNote } from '../../model/index.js';
import { scanVulnerabilities } from '../../vuln/scan.js';
import { list, UsageError, type CliIO } from '../io.js';
import { addReportOptions, checkFormat, emitReport, parseSeverity, parseSeverityList, type ReportFlags } from '../report.js';

/** Exit code for an image that could not be read at all (distinct from the gate, usage errors (2) and internal errors (3)). */
export const EXIT_IMAGE_UNREADABLE = 4;

export function register(program: Command, io: CliIO): void {
  const cmd = program
    .command('image')
    .description('scan a container image (registry, docker save or OCI tarball, OCI layout, local Docker engine): configuration, layers, secrets and packages')
    .argument('<ref>', 'image reference (registry/repo:tag[@digest]), or docker-archive:FILE, oci-archive:FILE, oci:DIR[:name], docker-daemon:NAME')
    .addOption(new Option('-i, --input <file>', 'read the image from a docker save tarball, an OCI tarball or an OCI layout directory'))
    .addOption(new Option('--platform <os/arch[/variant]>', 'platform to pick from a multi-platform image (default: this machine)'))
    .addOption(new Option('--insecure', 'allow plain HTTP to a registry that is not on loopback'))
    .addOption(new Option('-c, --config <file>', 'drydock.yaml to use'))
    .addOption(new Option('--ignore-file <file>', '.drydockignore.yaml to use'))
    .addOption(new Option('--rules <ids>', 'run only these rules (ids or aliases, comma-separated)').argParser(list))
    .addOption(new Option('--no-secrets', 'do not search layer files for secrets'))
    .addOption(new Option('--no-packages', 'do not catalogue packages'))
    .addOption(new Option('--vulns', 'match the packages against the local OSV database (drydock db update); fails without one'))
    .addOption(new Option('--ignore-unfixed', 'vulnerabilities: skip those without a fixed version'))
    .addOption(new Option('--vex <file>', 'vulnerabilities: OpenVEX document whose not_affected/fixed statements suppress (repeatable)').argParser(list))
    .addOption(new Option('--cache-dir <dir>', 'where the vulnerability database lives (default: $XDG_CACHE_HOME/drydock)'));
  addReportOptions(cmd);
  cmd.action(async (ref, parsed) => {
    const flags = parsed as typeof parsed & ReportFlags & { secrets?: boolean; packages?: boolean };
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
  });
}
