import { CHECKS, LATEST_MINOR, type CheckDefinition, type PodView, type VersionedCheck } from './checks.js';
import type { PodInput, PssControl, PssLevel, PssPolicy, PssResult, PssViolation } from './types.js';

const LEVELS: readonly string[] = ['baseline', 'restricted'];

export function isPssLevel(value: unknown): value is PssLevel {
  return typeof value === 'string' && LEVELS.includes(value);
}

/**
 * Parses a policy version as PSA spells it: "latest" or "v1.N". Returns the minor number,
 * "latest", or undefined when the text is not a version.
 */
export function parsePssVersion(text: string): number | 'latest' | undefined {
  const t = text.trim();
  if (t === 'latest') return 'latest';
  const m = /^v1\.(0|[1-9][0-9]{0,3})$/.exec(t);
  return m ? Number(m[1]) : undefined;
}

/** The minor version a policy is evaluated at: newer than PSA's newest policy means the newest. */
export function effectiveMinor(version: number | 'latest' | undefined): number {
  if (version === undefined || version === 'latest') return LATEST_MINOR;
  return Math.min(Math.max(0, Math.trunc(version)), LATEST_MINOR);
}

export function formatPssVersion(version: number | 'latest' | undefined): string {
  return version === undefined || version === 'latest' ? 'latest' : `v1.${version}`;
}

function pick(check: CheckDefinition, minor: number): VersionedCheck | undefined {
  let chosen: VersionedCheck | undefined;
  for (const v of check.versions) if (v.min <= minor) chosen = v;
  return chosen;
}

function asObject(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** The checks that run for a level and version, each with the function of that version, in PSA's order. */
export function checksFor(level: PssLevel, version?: number | 'latest'): Array<{ id: PssControl; level: PssLevel; check: VersionedCheck }> {
  const minor = effectiveMinor(version);
  const selected: Array<{ id: PssControl; level: PssLevel; check: VersionedCheck }> = [];
  const overridden = new Set<PssControl>();
  for (const def of CHECKS) {
    if (def.level === 'restricted' && level !== 'restricted') continue;
    const chosen = pick(def, minor);
    if (!chosen) continue;
    for (const o of chosen.overrides ?? []) overridden.add(o);
    selected.push({ id: def.id, level: def.level, check: chosen });
  }
  return level === 'restricted' ? selected.filter((s) => !overridden.has(s.id)) : selected;
}

/**
 * Evaluates one pod (its spec and metadata) against a Pod Security Standards level at a policy
 * version, giving the verdict and the violated controls in Pod Security Admission's wording.
 */
export function evaluatePod(pod: PodInput, policy: PssPolicy): PssResult {
  const view: PodView = { spec: asObject(pod.spec), meta: asObject(pod.metadata) };
  const violations: PssViolation[] = [];
  for (const { id, check } of checksFor(policy.level, policy.version)) {
    const outcome = check.fn(view);
    if (!outcome) continue;
    violations.push({ control: id, reason: outcome.reason, detail: outcome.detail, message: `${outcome.reason} (${outcome.detail})`, fields: outcome.fields });
  }
  return { allowed: violations.length === 0, violations };
}

/**
 * The check of one control at one policy version, chosen once, for callers that judge many pods
 * against the same control (the rules). Undefined when the control does not exist at that version.
 */
export function controlCheck(control: PssControl, version?: number | 'latest'): ((pod: PodInput) => PssViolation | undefined) | undefined {
  const def = CHECKS.find((c) => c.id === control);
  const chosen = def && pick(def, effectiveMinor(version));
  if (!chosen) return undefined;
  return (pod) => {
    const outcome = chosen.fn({ spec: asObject(pod.spec), meta: asObject(pod.metadata) });
    if (!outcome) return undefined;
    return { control, reason: outcome.reason, detail: outcome.detail, message: `${outcome.reason} (${outcome.detail})`, fields: outcome.fields };
  };
}

/** Evaluates a single control on its own (as rules do), whatever level it belongs to. */
export function evaluateControl(pod: PodInput, control: PssControl, version?: number | 'latest'): PssViolation | undefined {
  const def = CHECKS.find((c) => c.id === control);
  if (!def) return undefined;
  const chosen = pick(def, effectiveMinor(version));
  if (!chosen) return undefined;
  const outcome = chosen.fn({ spec: asObject(pod.spec), meta: asObject(pod.metadata) });
  if (!outcome) return undefined;
  return { control, reason: outcome.reason, detail: outcome.detail, message: `${outcome.reason} (${outcome.detail})`, fields: outcome.fields };
}

/** PSA's one-line summary, e.g. `violates PodSecurity "restricted:latest": privileged (...), ...`. */
export function summarize(result: PssResult, policy: PssPolicy): string {
  if (result.allowed) return 'allowed';
  return `violates PodSecurity "${policy.level}:${formatPssVersion(policy.version)}": ${result.violations.map((v) => v.message).join(', ')}`;
}

/** Control ids with the level they belong to, in PSA's order. */
export function pssControls(): Array<{ control: PssControl; level: PssLevel }> {
  return CHECKS.map((c) => ({ control: c.id, level: c.level }));
}
