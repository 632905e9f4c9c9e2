import { podSpecOf, type KubeDocument, type PodSpecRef } from '../parsers/kubernetes/index.js';
import type { RuleContext } from '../rules/types.js';
import { detached } from '../util/text.js';
import { containerOf } from '../model/index.js';
import { controlCheck } from './evaluate.js';
import { CHECKS, passesEveryControlAtLatest } from './checks.js';
import type { PssControl, PssViolation } from './types.js';

/**
 * The check function of a rule that enforces one Pod Security Standards control at the newest
 * policy version: one report per offending field, at that field (or, for a missing value, at the
 * closest object that should hold it).
 */
export function pssRuleCheck(control: PssControl): (doc: KubeDocument, ctx: RuleContext) => void {
  const level = CHECKS.find((c) => c.id === control)?.level ?? 'baseline';
  const evaluate = controlCheck(control, 'latest');
  if (!evaluate) return () => {};
  // The per-document test stays small (it runs nineteen times per pod); reporting is apart from it.
  return (doc, ctx) => {
    const pod = podSpecOf(doc);
    if (!pod) return;
    // Most pods pass every control: one test per pod then spares the nineteen PSS rules their checks.
    if ((pod.pssPassMemo ??= passesEveryControlAtLatest(pod.spec, pod.metadata))) return;
    const violation = evaluate({ spec: pod.spec, metadata: pod.metadata });
    if (violation) reportViolation(doc, pod, control, level, violation, ctx);
  };
}

/** One report per offending field of a control's violation. */
function reportViolation(
  doc: KubeDocument,
  pod: PodSpecRef,
  control: PssControl,
  level: string,
  violation: PssViolation,
  ctx: RuleContext,
): void {
  const seen = new Set<string>();
  for (const field of violation.fields) {
    const base = field.in === 'spec' ? pod.pointer : pod.metadataPointer;
    const pointer = [...base, ...field.path];
    const key = `${field.in}:${field.path.join('\u0000')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const who = field.container !== undefined && field.in === 'spec' ? `Container "${field.container}"` : 'Pod';
    ctx.report({
      message: `${who}: ${field.note}; violates Pod Security Standards ${level}: ${violation.message}`,
      at: { pointer },
      ...(doc.resource ? { resource: field.container !== undefined && field.in === 'spec' ? containerOf(doc.resource, detached(field.container)) : doc.resource } : {}),
      fingerprintData: `${control}/${field.in}/${field.path.join('/')}`,
    });
  }
}
