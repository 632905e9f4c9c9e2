import { Option, type Command } from '@commander-js/extra-typings';
import { list, type CliIO } from '../io.js';

/**
 * `drydock pss PATH --level baseline|restricted [--version v1.N|latest] [--format table|json]`
 *
 * Judges every workload as Pod Security Admission would at the given level and policy version
 * (or at the enforce level of a scanned Namespace that carries the pod-security labels).
 * Exit code: 0 when every workload is allowed, 1 when any is denied, 2 on usage errors.
 */
export function register(program: Command, io: CliIO): void {
  // `pss --version v1.N` names a policy version; the program's own -v/--version must then only be
  // recognised before the command name.
  program.enablePositionalOptions();
  program
    .command('pss')
    .description('judge every workload against a Pod Security Standards level as Pod Security Admission does (exit 1 when any is denied)')
    .argument('<path>', 'directory or file of manifests, or - for standard input')
    .addOption(new Option('--level <level>', 'baseline or restricted (Namespaces with pod-security.kubernetes.io/enforce labels override it)'))
    .addOption(new Option('--version <version>', 'policy version: v1.0 to v1.37, or latest').default('latest'))
    .addOption(new Option('-f, --format <format>', 'table or json').default('table'))
    .addOption(new Option('-o, --output <file>', 'write the report to a file instead of stdout'))
    .addOption(new Option('--skip-dirs <globs>', 'directories to skip (comma-separated globs, repeatable)').argParser(list))
    .addOption(new Option('--skip-files <globs>', 'files to skip (comma-separated globs, repeatable)').argParser(list))
    .action(async (target, flags) => (await import('../actions/pss.js')).runPss(io, target, flags));
}
