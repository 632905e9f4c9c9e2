import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { defineRule } from '../types.js';
import { checkResource } from './support/resources.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-021',
    slug: 'cpu-limit-not-set',
    title: 'CPU limit not set',
    severity: 'low',
    appliesTo: ['kubernetes'],
    description: 'A container without a CPU limit can starve its neighbours on the node, which turns one compromised or runaway process into a denial of service.',
    remediation: 'Set resources.limits.cpu on every container (or spec.resources.limits.cpu for the whole pod).',
    aliases: ['KSV-0011', 'KSV011', 'AVD-KSV-0011', 'CKV_K8S_11', 'container-resources', 'LimitsCPU'],
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
          cpu: 500m
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check(doc, ctx) {
    checkResource(doc, ctx, 'limits', 'cpu');
  },
});
