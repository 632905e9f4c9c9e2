import { Option, type Command } from '@commander-js/extra-typings';
import { list, type CliIO } from '../io.js';
import { addReportOptions, type ReportFlags } from '../report-options.js';

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
  cmd.action(async (ref, parsed) => (await import('../actions/image.js')).runImage(io, ref, parsed as typeof parsed & ReportFlags));
}
