import { containersOf, podSpecOf, type KubeDocument } from '../../../parsers/kubernetes/index.js';
import type { RuleContext } from '../../types.js';
import { containerResource, deepestPresent, isObj } from './workload.js';

export type ResourceName = 'cpu' | 'memory';
export type Requirement = 'limits' | 'requests';

function isSet(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '';
}

function has(resources: unknown, req: Requirement, name: ResourceName): boolean {
  return isObj(resources) && isObj(resources[req]) && isSet((resources[req] as Record<string, unknown>)[name]);
}

/**
 * Reports every container whose `resources.<req>.<name>` is unset, as Kubernetes resolves it: a request
 * defaults to the limit when only the limit is set, and pod-level resources (spec.resources) bound the
 * whole pod so per-container values are not needed.
 */
export function checkResource(doc: KubeDocument, ctx: RuleContext, req: Requirement, name: ResourceName): void {
  const pod = podSpecOf(doc);
  if (!pod) return;
  const podRes = pod.spec.resources;
  if (has(podRes, req, name) || (req === 'requests' && has(podRes, 'limits', name))) return;
  for (const c of containersOf(pod, ['containers', 'initContainers'])) {
    const res = c.container.resources;
    if (has(res, req, name)) continue;
    if (req === 'requests' && has(res, 'limits', name)) continue;
    const pointer = deepestPresent(doc, c.pointer, ['resources', req]);
    const what = `${name === 'cpu' ? 'CPU' : 'memory'} ${req === 'limits' ? 'limit' : 'request'}`;
    ctx.report({
      message: `Container "${c.name}" sets no ${what} (resources.${req}.${name}).`,
      at: { pointer },
      resource: containerResource(doc, c),
      fingerprintData: `${c.type}/${c.name}`,
    });
  }
}
