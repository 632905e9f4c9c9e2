import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { defineRule } from '../types.js';
import { checkResource } from './support/resources.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-022',
    slug: 'memory-limit-not-set',
    title: 'Memory limit not set',
    severity: 'low',
    appliesTo: ['kubernetes'],
    description: 'A container without a memory limit can exhaust the node\'s memory and get other pods evicted or killed.',
    remediation: 'Set resources.limits.memory on every container (or spec.resources.limits.memory for the whole pod).',
    aliases: ['KSV-0018', 'KSV018', 'AVD-KSV-0018', 'CKV_K8S_13', 'unset-memory-requirements', 'container-resources', 'LimitsMemory'],
    practice: 'P7',
    references: ['https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'],
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
      resources:
        requests:
          memory: 64Mi
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
      resources:
        limits:
          memory: 128Mi
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check(doc, ctx) {
    checkResource(doc, ctx, 'limits', 'memory');
  },
});
