import { Option, type Command } from '@commander-js/extra-typings';
import { DEFAULT_SCANNERS, prepareScan, scan, type ScanOptions, type Scanner } from '../../scan.js';
import { list, UsageError, type CliIO } from '../io.js';
import { addReportOptions, checkFormat, emitReport, parseSeverity, parseSeverityList, type ReportFlags } from '../report.js';

const SCANNERS: Scanner[] = ['misconfig', 'secret', 'vuln'];

export function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?$/i.exec(value.trim());
  if (!m) throw new UsageError(`--max-file-size: expected a size such as 512k or 16M, got "${value}"`);
  const n = Number(m[1]);
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.round(n * mult);
}

export function register(program: Command, io: CliIO): void {
  const cmd = program
    .command('scan')
    .description('scan a directory, a file or standard input (-): Kubernetes manifests, Dockerfiles, Compose files and secrets')
    .argument('[path]', 'directory or file to scan, or - for standard input', '.')
    .addOption(new Option('-c, --config <file>', 'drydock.yaml to use (default: found in the target or working directory)'))
    .addOption(new Option('--ignore-file <file>', '.drydockignore.yaml to use (default: found next to the target)'))
    .addOption(new Option('--skip-dirs <globs>', 'directories to skip (comma-separated globs, repeatable)').argParser(list))
    .addOption(new Option('--skip-files <globs>', 'files to skip (comma-separated globs, repeatable)').argParser(list))
    .addOption(new Option('--max-file-size <size>', 'skip (and report) files larger than this, e.g. 16M'))
    .addOption(new Option('--compose-files <globs>', 'extra globs naming Compose files').argParser(list))
    .addOption(new Option('--scanners <list>', `what to look for: ${SCANNERS.join(',')}`).default(DEFAULT_SCANNERS.join(',')))
    .addOption(new Option('--rules <ids>', 'run only these rules (ids or aliases, comma-separated)').argParser(list))
    .addOption(new Option('--allowed-registries <list>', 'registries images may come from (comma-separated)').argParser(list))
    .addOption(new Option('--baseline <report.json>', 'fail the gate only on findings not in this earlier JSON report'))
    .addOption(new Option('--stdin-filename <name>', 'analyse standard input as a file of this name (default stdin.yaml)'))
    .addOption(new Option('--git-history', 'search the lines every commit added for secrets (a deleted secret still needs rotating)'))
    .addOption(new Option('--since <rev>', 'with --git-history: only commits after this revision'))
    .addOption(new Option('--ignore-unfixed', 'vulnerabilities: skip those without a fixed version'))
    .addOption(new Option('--vex <file>', 'vulnerabilities: OpenVEX document whose not_affected/fixed statements suppress (repeatable)').argParser(list))
    .addOption(new Option('--cache-dir <dir>', 'where the vulnerability database lives (default: $XDG_CACHE_HOME/drydock)'));
  addReportOptions(cmd);
  cmd.action(async (target, parsed) => {
    const flags = parsed as typeof parsed & ReportFlags;
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
  });
}
