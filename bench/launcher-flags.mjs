// The V8 flags bin/drydock.js sets before it loads the CLI. Benchmarks that run drydock's code in
// their own process set the same ones, so the code runs as the CLI runs it.
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

export function launcherV8Flags() {
  const bin = readFileSync(new URL('../bin/drydock.js', import.meta.url), 'utf8');
  const m = /setFlagsFromString\('([^']+)'\)/.exec(bin);
  if (!m) throw new Error('bin/drydock.js sets no V8 flags any more: update bench/launcher-flags.mjs');
  return m[1];
}

/** Sets the launcher's flags in this process (and so in its worker threads); returns them. */
export function useLauncherV8Flags() {
  const flags = launcherV8Flags();
  setFlagsFromString(flags);
  return flags;
}
