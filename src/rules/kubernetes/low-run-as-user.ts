import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { defineRule } from '../types.js';
import { checkLowId } from './support/identity.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-034',
    slug: 'low-run-as-user',
    title: 'Container runs with a low UID',
    severity: 'low',
    appliesTo: ['kubernetes'],
    description: 'A UID below the configured floor (10000 by default) may match a real user on the node, which gives a container that escapes that user\'s files and processes.',
    remediation: 'Set securityContext.runAsUser to a UID of at least 10000 (rules.minUid in drydock.yaml), on the container or the pod.',
    aliases: ['KSV-0020', 'KSV020', 'AVD-KSV-0020', 'CKV_K8S_40', 'container-security-context-user-group-id', 'RunAsUser'],
    practice: 'P7',
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
    examples: {
      bad: [
        `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsUser: 1000
  containers:
    - name: app
      image: shop/web:2.1
`,
      ],
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsUser: 1000
  containers:
    - name: app
      image: shop/web:2.1
      securityContext:
        runAsUser: 10001
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check(doc, ctx) {
    checkLowId(doc, ctx, 'runAsUser');
  },
});
