import { WORKLOAD_KINDS, containersOf, podSpecOf, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { defineRule } from '../types.js';
import { containerResource, deepestPresent, isObj, isWindowsPod } from './support/workload.js';

/** Capability names as the runtimes read them: case aside, with or without the CAP_ prefix. */
function capName(v: unknown): string | undefined {
  if (v === 'ALL' || v === 'NET_RAW') return v;
  return typeof v === 'string' ? v.trim().toUpperCase().replace(/^CAP_/, '') : undefined;
}

/** Whether a container's securityContext keeps NET_RAW out: not privileged, drops NET_RAW or ALL, adds neither back. */
function dropsNetRaw(sc: Record<string, unknown>): boolean {
  if (sc.privileged === true) return false;
  const caps = sc.capabilities;
  if (!isObj(caps)) return false;
  const add = caps.add;
  if (Array.isArray(add)) {
    for (let i = 0; i < add.length; i++) {
      const name = capName(add[i]);
      if (name === 'NET_RAW' || name === 'ALL') return false;
    }
  }
  const drop = caps.drop;
  if (!Array.isArray(drop)) return false;
  for (let i = 0; i < drop.length; i++) {
    const name = capName(drop[i]);
    if (name === 'NET_RAW' || name === 'ALL') return true;
  }
  return false;
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
      if (dropsNetRaw(sc)) continue;
      const resource = containerResource(doc, c);
      const fingerprintData = `${c.type}/${c.name}`;
      // A privileged container gets every capability; drop lists do not apply to it.
      if (sc.privileged === true) {
        ctx.report({
          message: `Container "${c.name}" is privileged, so it holds NET_RAW whatever it drops.`,
          at: { pointer: [...c.pointer, 'securityContext', 'privileged'] },
          resource,
          fingerprintData,
        });
        continue;
      }
      const caps = isObj(sc.capabilities) ? sc.capabilities : {};
      const add = Array.isArray(caps.add) ? caps.add : [];
      const addedAt = add.findIndex((v) => capName(v) === 'NET_RAW' || capName(v) === 'ALL');
      if (addedAt >= 0) {
        ctx.report({
          message: `Container "${c.name}" adds ${capName(add[addedAt])} back, which grants NET_RAW.`,
          at: { pointer: [...c.pointer, 'securityContext', 'capabilities', 'add', addedAt] },
          resource,
          fingerprintData,
        });
        continue;
      }
      const drop = Array.isArray(caps.drop) ? caps.drop : [];
      if (drop.some((v) => capName(v) === 'NET_RAW' || capName(v) === 'ALL')) continue;
      ctx.report({
        message: `Container "${c.name}" does not drop NET_RAW (or ALL) in securityContext.capabilities.drop.`,
        at: { pointer: deepestPresent(doc, c.pointer, ['securityContext', 'capabilities', 'drop']) },
        resource,
        fingerprintData,
      });
    }
  },
});
