import type { Command } from '@commander-js/extra-typings';
import type { CliIO } from '../io.js';

export function register(program: Command, io: CliIO): void {
  program
    .command('explain')
    .description("print one rule's documentation: why it matters, how to fix it, examples")
    .argument('<id>', 'rule id, slug or alias (e.g. K8S-020, KSV014, DL3002)')
    .action(async (id) => (await import('../actions/explain.js')).runExplain(io, id));
}
