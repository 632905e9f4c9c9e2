import type { ShellCommand, ShellScript, ShellWord } from './parse.js';

/** Wrappers that run the command given in their arguments. */
const WRAPPERS = new Map<string, ReadonlySet<string>>(Object.entries({
  sudo: new Set(['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T', '--user', '--group']),
  env: new Set(['-u', '--unset', '-C', '--chdir', '-S']),
  exec: new Set(['-a']),
  command: new Set(),
  nice: new Set(['-n', '--adjustment']),
  nohup: new Set(),
  time: new Set(['-f', '-o']),
  doas: new Set(['-u', '-C']),
  su_exec: new Set(),
  gosu: new Set(),
  'su-exec': new Set(),
  stdbuf: new Set(['-i', '-o', '-e']),
  timeout: new Set(['-s', '-k', '--signal', '--kill-after']),
  xargs: new Set(['-a', '-d', '-E', '-I', '-L', '-n', '-P', '-s', '--arg-file', '--delimiter', '--max-args', '--max-procs']),
}));
/** Wrappers whose first operand is not the command (gosu USER cmd, timeout DURATION cmd). */
const SKIP_OPERANDS = new Map<string, number>([['gosu', 1], ['su-exec', 1], ['timeout', 1]]);

/**
 * The command a wrapper such as `sudo`, `env` or `xargs` runs, as its own command (same offsets);
 * the command itself when it is not a wrapper.
 */
export function unwrap(cmd: ShellCommand, depth = 0): ShellCommand {
  const valued = WRAPPERS.get(cmd.base);
  if (!valued || depth > 4) return cmd;
  let skip = SKIP_OPERANDS.get(cmd.base) ?? 0;
  for (let i = 0; i < cmd.args.length; i++) {
    const a = cmd.args[i]!.value;
    if (a === '--') continue;
    if (a.startsWith('-')) {
      if (valued.has(a)) i++;
      continue;
    }
    if (cmd.base === 'env' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    const nameWord = cmd.args[i]!;
    const slash = nameWord.value.lastIndexOf('/');
    return unwrap(
      { ...cmd, name: nameWord.value, base: slash === -1 ? nameWord.value : nameWord.value.slice(slash + 1), nameWord, args: cmd.args.slice(i + 1) },
      depth + 1,
    );
  }
  return cmd;
}

/** Every command of a script with wrappers removed. */
export function effectiveCommands(script: ShellScript): ShellCommand[] {
  return script.commands.map((c) => unwrap(c));
}

/**
 * Whether a command has a flag: `short` letters match alone or inside a bundle (`-qy` has `y`),
 * `long` names match `--name` and `--name=value`.
 */
export function hasFlag(cmd: ShellCommand, short: string[], long: string[] = []): boolean {
  return cmd.args.some((w) => flagMatches(w.value, short, long));
}

export function flagMatches(a: string, short: string[], long: string[]): boolean {
  if (a.startsWith('--')) {
    const name = a.slice(2).split('=')[0]!;
    return long.includes(name);
  }
  if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
    for (const s of short) if (a.slice(1).includes(s)) return true;
  }
  return false;
}

/**
 * The operands of a command (arguments that are not flags), skipping the values of the options
 * listed in `valued` (e.g. apt-get's `-o Dpkg::Options=x`).
 */
export function operands(cmd: ShellCommand, valued: ReadonlySet<string> = new Set()): ShellWord[] {
  const out: ShellWord[] = [];
  let afterDashDash = false;
  for (let i = 0; i < cmd.args.length; i++) {
    const w = cmd.args[i]!;
    const a = w.value;
    if (!afterDashDash && a === '--') {
      afterDashDash = true;
      continue;
    }
    if (!afterDashDash && a.startsWith('-') && a.length > 1) {
      if (valued.has(a)) i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

/** The first operand: the subcommand of tools like apt-get, apk, yum, dnf or zypper. */
export function subcommand(cmd: ShellCommand, valued?: ReadonlySet<string>): ShellWord | undefined {
  return operands(cmd, valued)[0];
}
