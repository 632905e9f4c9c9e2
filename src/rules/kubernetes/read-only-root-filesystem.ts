import { WORKLOAD_KINDS, containersOf, podSpecOf, type ContainerRef, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { defineRule, type RuleContext } from '../types.js';
import { containerResource, isWindowsPod } from './support/workload.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-020',
    slug: 'read-only-root-filesystem',
    title: 'Root filesystem is writable',
    severity: 'medium',
    appliesTo: ['kubernetes'],
    description:
      'A writable root filesystem lets an intruder drop tools, change binaries and persist inside the container.',
    remediation:
      'Set securityContext.readOnlyRootFilesystem: true on the container and mount an emptyDir where the application must write.',
    aliases: ['KSV-0014', 'KSV014', 'AVD-KSV-0014', 'CKV_K8S_22', 'no-read-only-root-fs', 'container-security-context-readonlyrootfilesystem', 'ReadOnlyRootFilesystem'],
    practice: 'P7',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
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
        readOnlyRootFilesystem: true
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check(doc, ctx) {
    const pod = podSpecOf(doc);
    // Windows containers cannot set readOnlyRootFilesystem (the API rejects it when spec.os.name is windows).
    if (!pod || isWindowsPod(pod)) return;
    for (const c of containersOf(pod, ['containers', 'initContainers'])) {
      const value = (c.container.securityContext as Record<string, unknown> | undefined)?.readOnlyRootFilesystem;
      if (value !== true) report(doc, c, value, ctx);
    }
  },
});

/** The finding for a container whose root filesystem is writable: at the field, or at the container when it is unset. */
function report(doc: KubeDocument, c: ContainerRef, value: unknown, ctx: RuleContext): void {
  const pointer = value === undefined ? c.pointer : [...c.pointer, 'securityContext', 'readOnlyRootFilesystem'];
  ctx.report({
    message: `Container "${c.name}" ${value === undefined ? 'does not set' : 'sets'} securityContext.readOnlyRootFilesystem${value === undefined ? '' : ` to ${String(value)}`}; its root filesystem is writable.`,
    at: { pointer },
    resource: containerResource(doc, c),
    fingerprintData: `${c.type}/${c.name}`,
  });
}
