import { containersOf, podSpecOf, type KubeDocument } from '../../../parsers/kubernetes/index.js';
import type { RuleContext } from '../../types.js';
import { containerResource, effectiveSecurityField, effectiveSecurityValue, isWindowsPod } from './workload.js';

/**
 * Reports containers whose effective runAsUser/runAsGroup (the container's own, else the pod's) is
 * unset or below `settings.minUid`.
 */
export function checkLowId(doc: KubeDocument, ctx: RuleContext, field: 'runAsUser' | 'runAsGroup'): void {
  const pod = podSpecOf(doc);
  if (!pod || isWindowsPod(pod)) return;
  const min = typeof ctx.settings.minUid === 'number' ? ctx.settings.minUid : 10000;
  const what = field === 'runAsUser' ? 'UID' : 'GID';
  for (const c of containersOf(pod)) {
    // Most containers pass: their value is read without building what a report needs.
    const value = effectiveSecurityValue(pod, c, field);
    if (typeof value === 'number' && (value >= min || !Number.isFinite(value))) continue;
    if (value !== undefined && typeof value !== 'number') continue;
    const eff = effectiveSecurityField(pod, c, field);
    const resource = containerResource(doc, c);
    const fingerprintData = `${c.type}/${c.name}`;
    if (!eff) {
      const nonRoot = field === 'runAsUser' && effectiveSecurityField(pod, c, 'runAsNonRoot')?.value === true;
      ctx.report({
        message: `Container "${c.name}" sets no securityContext.${field}, so the image decides its ${what} (${nonRoot ? 'non-zero, as runAsNonRoot is set, but possibly low' : 'often 0'}); set one of at least ${min}.`,
        at: { pointer: c.pointer },
        resource,
        fingerprintData,
      });
      continue;
    }
    if (typeof eff.value !== 'number' || !Number.isFinite(eff.value)) continue;
    if (eff.value >= min) continue;
    ctx.report({
      message: `Container "${c.name}" runs with ${what} ${eff.value} (${eff.level === 'pod' ? 'from the pod securityContext' : 'securityContext'}.${field}), below ${min}.`,
      at: { pointer: eff.pointer },
      resource,
      fingerprintData,
    });
  }
}
