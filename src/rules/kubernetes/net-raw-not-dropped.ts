import { WORKLOAD_KINDS, containersOf, podSpecOf, type ContainerRef, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { defineRule, type RuleContext } from '../types.js';
import { containerResource, deepestPresent, isObj, isWindowsPod } from './support/workload.js';

/** Capability names as the runtimes read them: case aside, with or without the CAP_ prefix. */
function capName(v: unknown): string | undefined {
  if (v === 'ALL' || v === 'NET_RAW') return v;
  return typeof v === 'string' ? v.trim().toUpperCase().replace(/^CAP_/, '') : undefined;
}

/** Grants NET_RAW: the name of ALL or NET_RAW. */
function grantsNetRaw(name: string | undefined): boolean {
  return name === 'NET_RAW' || name === 'ALL';
}

/**
 * How a container's securityContext stands with NET_RAW: it keeps it out ('dropped'), holds it as a
 * privileged container, adds it back (at that index of capabilities.add), or never drops it.
 */
function netRaw(sc: Record<string, unknown>): 'dropped' | 'privileged' | 'not-dropped' | number {
  // A privileged container gets every capability; drop lists do not apply to it.
  if (sc.privileged === true) return 'privileged';
  const caps = isObj(sc.capabilities) ? sc.capabilities : {};
  const add = caps.add;
  if (Array.isArray(add)) for (let i = 0; i < add.length; i++) if (grantsNetRaw(capName(add[i]))) return i;
  const drop = caps.drop;
  if (Array.isArray(drop)) for (let i = 0; i < drop.length; i++) if (grantsNetRaw(capName(drop[i]))) return 'dropped';
  return 'not-dropped';
}

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-033',
    slug: 'net-raw-not-dropped',
    title: 'NET_RAW capability not dropped',
    severity: 'medium',
    appliesTo: ['kubernetes'],
    description: 'Container runtimes grant NET_RAW by default, which lets a compromised container forge packets and spoof or poison traffic of its neighbours (ARP and DNS spoofing).',
    remediation: 'Add NET_RAW, or better ALL, to securityContext.capabilities.drop, and do not add it back.',
    aliases: ['CKV_K8S_28', 'drop-net-raw-capability'],
    practice: 'P7',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container'],
    examples: {
      bad: [
        `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
      ],
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        capabilities:
          drop: [ALL]
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check(doc, ctx) {
    const pod = podSpecOf(doc);
    if (!pod || isWindowsPod(pod)) return;
    for (const c of containersOf(pod)) {
      const sc = isObj(c.container.securityContext) ? c.container.securityContext : {};
      const status = netRaw(sc);
      if (status !== 'dropped') report(doc, c, sc, status, ctx);
    }
  },
});

/** The finding for a container that holds NET_RAW, at the field that grants it or should drop it. */
function report(doc: KubeDocument, c: ContainerRef, sc: Record<string, unknown>, status: 'privileged' | 'not-dropped' | number, ctx: RuleContext): void {
  const resource = containerResource(doc, c);
  const fingerprintData = `${c.type}/${c.name}`;
  if (status === 'privileged') {
    ctx.report({
      message: `Container "${c.name}" is privileged, so it holds NET_RAW whatever it drops.`,
      at: { pointer: [...c.pointer, 'securityContext', 'privileged'] },
      resource,
      fingerprintData,
    });
  } else if (typeof status === 'number') {
    const add = (sc.capabilities as Record<string, unknown[]>).add!;
    ctx.report({
      message: `Container "${c.name}" adds ${capName(add[status])} back, which grants NET_RAW.`,
      at: { pointer: [...c.pointer, 'securityContext', 'capabilities', 'add', status] },
      resource,
      fingerprintData,
    });
  } else {
    ctx.report({
      message: `Container "${c.name}" does not drop NET_RAW (or ALL) in securityContext.capabilities.drop.`,
      at: { pointer: deepestPresent(doc, c.pointer, ['securityContext', 'capabilities', 'drop']) },
      resource,
      fingerprintData,
    });
  }
}
