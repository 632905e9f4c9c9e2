import { atLeast, type Finding, type Severity } from '../model/index.js';

export interface GateOptions {
  /** Exit with this code when unsuppressed findings remain (0: never fail). */
  exitCode: number;
  /** Fail (with exitCode, or 1 when exitCode is 0) when a finding at or above this severity remains. */
  failOn?: Severity;
}

/** The process exit code for a set of reported findings. */
export function gateExitCode(findings: readonly Finding[], options: GateOptions): number {
  const open = findings.filter((f) => !f.suppressed);
  if (options.failOn) {
    const failOn = options.failOn;
    if (open.some((f) => atLeast(f.severity, failOn))) return options.exitCode || 1;
    return 0;
  }
  return open.length > 0 ? options.exitCode : 0;
}
