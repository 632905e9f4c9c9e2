import { containerOf, type Resource } from '../../../model/index.js';
import { detached } from '../../../util/text.js';
import type { ContainerRef, KubeDocument, PodSpecRef, Pointer } from '../../../parsers/kubernetes/index.js';

type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Windows pods ignore the Linux-only security fields (runAsUser, capabilities, readOnlyRootFilesystem). */
export function isWindowsPod(pod: PodSpecRef): boolean {
  const os = pod.spec.os;
  return isObj(os) && os.name === 'windows';
}

/** The resource of a finding about one container (one shared object per container: treat as read-only). */
export function containerResource(doc: KubeDocument, c: ContainerRef): Resource {
  return (c.resourceMemo ??= containerOf(doc.resource!, detached(c.name)));
}

/**
 * The deepest pointer along `keys` below `base` that exists in the document: where a report about a
 * missing field points (the field's nearest present parent).
 */
export function deepestPresent(doc: KubeDocument, base: Pointer, keys: readonly (string | number)[]): Pointer {
  let pointer: Pointer = base;
  let cur: unknown = doc.get(base);
  for (const k of keys) {
    if (!isObj(cur) && !Array.isArray(cur)) break;
    const next = (cur as Record<string | number, unknown>)[k];
    if (next === undefined || next === null) break;
    pointer = [...pointer, k];
    cur = next;
  }
  return pointer;
}

/**
 * The value of a security-context field for a container, resolved as the kubelet does: the container's
 * own securityContext wins, then the pod's (only for fields that exist at both levels).
 */
export function effectiveSecurityField(
  pod: PodSpecRef,
  c: ContainerRef,
  field: 'runAsUser' | 'runAsGroup' | 'runAsNonRoot',
): { value: unknown; pointer: Pointer; level: 'container' | 'pod' } | undefined {
  const own = securityContextField(c.container.securityContext, field);
  if (own !== undefined) return { value: own, pointer: [...c.pointer, 'securityContext', field], level: 'container' };
  const inherited = securityContextField(pod.spec.securityContext, field);
  if (inherited !== undefined) return { value: inherited, pointer: [...pod.pointer, 'securityContext', field], level: 'pod' };
  return undefined;
}

/** The value `effectiveSecurityField` finds, without the pointer and level a report needs. */
export function effectiveSecurityValue(pod: PodSpecRef, c: ContainerRef, field: 'runAsUser' | 'runAsGroup' | 'runAsNonRoot'): unknown {
  return securityContextField(c.container.securityContext, field) ?? securityContextField(pod.spec.securityContext, field);
}

/** A securityContext's field; undefined when the context or the field is absent or null. */
function securityContextField(sc: unknown, field: string): unknown {
  if (!isObj(sc)) return undefined;
  const v = sc[field];
  return v === null ? undefined : v;
}
