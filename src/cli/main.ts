import { Command, CommanderError } from '@commander-js/extra-typings';
import { VERSION } from '../version.js';
import { register as registerDb } from './commands/db.js';
import { register as registerExplain } from './commands/explain.js';
import { register as registerImage } from './commands/image.js';
import { register as registerPss } from './commands/pss.js';
import { register as registerRules } from './commands/rules.js';
import { register as registerSbom } from './commands/sbom.js';
import { register as registerScan } from './commands/scan.js';
import { EXIT_CANNOT_SCAN, EXIT_USAGE, processIO, UsageError, type CliIO } from './io.js';

/**
 * Builds the program; each command module registers itself. Registering loads only the command
 * definitions: each action imports its implementation when it runs.
 */
export function buildProgram(io: CliIO): Command {
  const program = new Command()
    .name('drydock')
    .description('Container security for Docker and Kubernetes: finds what is wrong, says where and how to fix it, and gates CI on it.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  registerScan(program, io);
  registerRules(program, io);
  registerExplain(program, io);
  registerPss(program, io);
  registerImage(program, io);
  registerSbom(program, io);
  registerDb(program, io);
  for (const cmd of program.commands) {
    cmd.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  }
  return program;
}

/** Runs the CLI and resolves to the process exit code. */
export async function main(argv: string[], io: CliIO & { exitCode?: number } = processIO()): Promise<number> {
  let code = 0;
  const wrapped: CliIO = { ...io, setExitCode: (c) => void (code = c) };
  const program = buildProgram(wrapped);
  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return EXIT_USAGE;
    }
    // The error classes' modules load only when an error needs classifying, so that start-up
    // loads just the invoked command's modules.
    const [{ ConfigError }, { NoVulnerabilityDatabaseError }, { VexError }] = await Promise.all([
      import('../config/load.js'),
      import('../vuln/db/store.js'),
      import('../vuln/vex.js'),
    ]);
    if (err instanceof NoVulnerabilityDatabaseError) {
      io.stderr(`drydock: ${err.message}\n`);
      return EXIT_CANNOT_SCAN;
    }
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof VexError) {
      io.stderr(`drydock: ${err.message}\n`);
      return EXIT_USAGE;
    }
    const e = err as NodeJS.ErrnoException;
    if (e && (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'ENOTDIR')) {
      io.stderr(`drydock: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
}
