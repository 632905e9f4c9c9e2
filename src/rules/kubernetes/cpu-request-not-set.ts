import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { defineRule } from '../types.js';
import { checkResource } from './support/resources.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-023',
    slug: 'cpu-request-not-set',
    title: 'CPU request not set',
    severity: 'low',
    appliesTo: ['kubernetes'],
    description: 'Without a CPU request the scheduler cannot reserve CPU for the container, so it is the first to be throttled when the node is busy.',
    remediation: 'Set resources.requests.cpu (or a CPU limit, which the request then defaults to).',
    aliases: ['KSV-0015', 'KSV015', 'AVD-KSV-0015', 'CKV_K8S_10', 'unset-cpu-requirements', 'container-resources', 'RequestsCPU'],
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
        requests:
          cpu: 100m
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check(doc, ctx) {
    checkResource(doc, ctx, 'requests', 'cpu');
  },
});
