import { Option, type Command } from '@commander-js/extra-typings';
import { DB_DEFAULT_BASE_URL, DB_DEFAULT_ECOSYSTEMS } from '../defaults.js';
import { list, type CliIO } from '../io.js';

/**
 * `drydock db update [--ecosystems a,b] [--base-url URL]`, `drydock db import PATH`,
 * `drydock db status [--format json]`: the local OSV vulnerability database.
 */
export function register(program: Command, io: CliIO): void {
  const db = program.command('db').description('manage the local OSV vulnerability database');
  const cacheOpt = () => new Option('--cache-dir <dir>', 'drydock cache directory (default $XDG_CACHE_HOME/drydock or ~/.cache/drydock)');
  const actions = () => import('../actions/db.js');

  db.command('update')
    .description('download the OSV exports, verify them and swap in a new database atomically')
    .addOption(cacheOpt())
    .addOption(new Option('--ecosystems <list>', `OSV ecosystems to fetch (comma-separated; default: ${DB_DEFAULT_ECOSYSTEMS.join(', ')})`).argParser(list))
    .addOption(new Option('--base-url <url>', 'OSV export mirror').default(DB_DEFAULT_BASE_URL))
    .action(async (flags) => (await actions()).runDbUpdate(io, flags));

  db.command('import')
    .description('build the database from a directory or ZIP of OSV JSON records (air-gapped sites)')
    .argument('<path>', 'directory of OSV .json files, or a .zip of them')
    .addOption(cacheOpt())
    .action(async (path, flags) => (await actions()).runDbImport(io, path, flags));

  db.command('status')
    .description('show where the database came from, its age and its counts')
    .addOption(cacheOpt())
    .addOption(new Option('-f, --format <format>', 'text or json').default('text'))
    .action(async (flags) => (await actions()).runDbStatus(io, flags));
}
