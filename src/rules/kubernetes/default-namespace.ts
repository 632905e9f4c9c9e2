import type { KubeDocument } from '../../parsers/kubernetes/index.js';
import { defineRule } from '../types.js';

/** Built-in kinds that live in a namespace; cluster-scoped kinds and custom resources are left alone. */
const NAMESPACED_KINDS = new Set([
  'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate',
  'Service', 'Endpoints', 'EndpointSlice', 'Ingress', 'NetworkPolicy', 'ConfigMap', 'Secret', 'ServiceAccount',
  'Role', 'RoleBinding', 'PersistentVolumeClaim', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'LimitRange',
  'ResourceQuota', 'Lease', 'ControllerRevision',
]);

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-027',
    slug: 'default-namespace',
    title: 'Object in the default namespace',
    severity: 'low',
    appliesTo: ['kubernetes'],
    description: 'Objects in the default namespace share it with everything else deployed without thought, so RBAC, NetworkPolicies and quotas cannot isolate them.',
    remediation: 'Set metadata.namespace to a dedicated namespace (or make sure the deployment tool sets one).',
    aliases: ['KSV-0110', 'KSV110', 'AVD-KSV-0110', 'CKV_K8S_21', 'use-namespace'],
    practice: 'P9',
    references: ['https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/'],
    examples: {
      bad: [
        `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: default
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
  namespace: shop
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
      ],
    },
  },
  check(doc, ctx) {
    if (!NAMESPACED_KINDS.has(doc.objectKind)) return;
    const ns = doc.object.metadata?.namespace;
    if (ns === 'default') {
      ctx.report({ message: `${doc.objectKind} "${doc.name}" is in the default namespace.`, at: { pointer: ['metadata', 'namespace'] } });
    } else if (ns === undefined || ns === null || ns === '') {
      // kubectl puts it in the context's namespace, which is "default" unless configured otherwise.
      const at = doc.object.metadata && typeof doc.object.metadata === 'object' ? ['metadata'] : ['kind'];
      ctx.report({ message: `${doc.objectKind} "${doc.name}" names no namespace, so it lands in the default one unless the deployment tool sets another.`, at: { pointer: at } });
    }
  },
});
