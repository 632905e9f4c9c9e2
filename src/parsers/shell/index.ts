export { initShell, MAX_SHELL_BYTES, parseShell, scriptFromWords, unquote } from './parse.js';
export type { ShellCommand, ShellPipeline, ShellScript, ShellWord } from './parse.js';
export { effectiveCommands, flagMatches, hasFlag, operands, subcommand, unwrap } from './commands.js';
export { parseShellFast } from './fast.js';
export { parseShellScript } from './script.js';
