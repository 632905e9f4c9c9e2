import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Measured {
  ms: number;
  /** Peak resident memory of the child, in MiB. */
  peakMiB: number;
  stdout: string;
}

/**
 * Runs a command in a child process, pinned to one core when taskset exists, and reads the
 * child's own wall time and peak RSS (GNU time's %e %M when available, else the child's report).
 */
export function measure(cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Measured {
  const pin = existsSync('/usr/bin/taskset') ? ['/usr/bin/taskset', '-c', '0'] : [];
  const timeBin = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '__TIME__ %e %M'] : [];
  const full = [...pin, ...timeBin, cmd, ...args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(full[0]!, full.slice(1), { cwd: options.cwd, env: { ...process.env, ...options.env }, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && !/__TIME__/.test(r.stderr)) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const m = /__TIME__ ([\d.]+) (\d+)/.exec(r.stderr);
  const reported = /PEAK_RSS_KB=(\d+)/.exec(r.stdout);
  const peakKb = m ? Number(m[2]) : reported ? Number(reported[1]) : NaN;
  return { ms: wall, peakMiB: peakKb / 1024, stdout: r.stdout };
}

/** The best of n runs (least disturbed by the other core's load). */
export function best(n: number, run: () => Measured): Measured {
  const runs: Measured[] = [];
  for (let i = 0; i < n; i++) runs.push(run());
  return bestOf(runs);
}

/** The fastest of some runs, with the highest peak memory any of them reached. */
export function bestOf(runs: readonly Measured[]): Measured {
  let out: Measured | undefined;
  for (const m of runs) {
    if (!out || m.ms < out.ms) out = { ...m, peakMiB: Math.max(m.peakMiB, out?.peakMiB ?? 0) };
    else out.peakMiB = Math.max(out.peakMiB, m.peakMiB);
  }
  if (!out) throw new Error('no runs');
  return out;
}

export function fmt(n: number, digits = 1): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
