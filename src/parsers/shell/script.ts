import { parseShellFast } from './fast.js';
import { MAX_SHELL_BYTES, parseShell, type ShellScript } from './parse.js';

/**
 * Parses a RUN script into commands, words and pipelines. Plain command lists go through the fast
 * reader, which gives the same result as tree-sitter-bash for them; anything else (case, heredocs,
 * functions, compound commands in pipelines, syntax errors) is parsed by tree-sitter-bash.
 */
export function parseShellScript(text: string, toFile: (offset: number) => number = (o) => o): ShellScript {
  if (text.length > MAX_SHELL_BYTES) return parseShell(text, toFile);
  try {
    return parseShellFast(text, toFile) ?? parseShell(text, toFile);
  } catch {
    // A script that defeats both readers (e.g. exhausts the stack) is reported as unparsable, never thrown.
    return { commands: [], pipelines: [], hasError: true };
  }
}
