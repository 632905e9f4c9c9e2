import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { defineRule } from '../types.js';
import { checkResource } from './support/resources.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-024',
    slug: 'memory-request-not-set',
    title: 'Memory request not set',
    severity: 'low',
    appliesTo: ['kubernetes'],
    description: 'Without a memory request the scheduler may overcommit the node and the container is among the first evicted under memory pressure.',
    remediation: 'Set resources.requests.memory (or a memory limit, which the request then defaults to).',
    aliases: ['KSV-0016', 'KSV016', 'AVD-KSV-0016', 'CKV_K8S_12', 'container-resources', 'RequestsMemory'],
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
          memory: 64Mi
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check(doc, ctx) {
    checkResource(doc, ctx, 'requests', 'memory');
  },
});
