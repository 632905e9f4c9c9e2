import type { Command } from '@commander-js/extra-typings';
import type { CliIO } from '../io.js';

export function register(program: Command, io: CliIO): void {
  program
    .command('rules')
    .description('list every rule with its metadata')
    .option('-f, --format <format>', 'table or json', 'table')
    .option('--kind <kind>', 'only rules for this input kind (kubernetes, dockerfile, compose, secrets, image)')
    .action(async (flags) => (await import('../actions/rules.js')).runRules(io, flags));
}
