import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { defineRule } from '../types.js';
import { checkLowId } from './support/identity.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-035',
    slug: 'low-run-as-group',
    title: 'Container runs with a low GID',
    severity: 'low',
    appliesTo: ['kubernetes'],
    description: 'A GID below the configured floor (10000 by default), root\'s 0 above all, may match a group on the node and give an escaped container that group\'s files.',
    remediation: 'Set securityContext.runAsGroup to a GID of at least 10000 (rules.minUid in drydock.yaml), on the container or the pod.',
    aliases: ['KSV-0021', 'KSV021', 'AVD-KSV-0021', 'container-security-context-user-group-id', 'RunAsGroup'],
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
      image: shop/web:2.1
      securityContext:
        runAsGroup: 0
`,
      ],
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsGroup: 10001
  containers:
    - name: app
      image: shop/web:2.1
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check(doc, ctx) {
    checkLowId(doc, ctx, 'runAsGroup');
  },
});
