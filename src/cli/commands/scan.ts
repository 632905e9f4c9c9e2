import { Option, type Command } from '@commander-js/extra-typings';
import { DEFAULT_SCANNER_LIST } from '../defaults.js';
import { list, type CliIO } from '../io.js';
import { addReportOptions, type ReportFlags } from '../report-options.js';

const SCANNERS = ['misconfig', 'secret', 'vuln'];

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
    .addOption(new Option('--scanners <list>', `what to look for: ${SCANNERS.join(',')}`).default(DEFAULT_SCANNER_LIST.join(',')))
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
  // The scanner, its rules and parsers load when the command runs, not when the CLI starts.
  cmd.action(async (target, parsed) => (await import('../actions/scan.js')).runScan(io, target, parsed as typeof parsed & ReportFlags));
}
