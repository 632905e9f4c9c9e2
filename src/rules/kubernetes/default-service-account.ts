import { WORKLOAD_KINDS, podSpecOf, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { defineRule } from '../types.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-026',
    slug: 'default-service-account',
    title: 'Pod uses the default service account',
    severity: 'low',
    appliesTo: ['kubernetes'],
    description: 'Every pod of a namespace that does not name a service account shares the "default" one, so any permission granted to it reaches all of them.',
    remediation: 'Create a dedicated ServiceAccount for the workload, grant it only what it needs, and set spec.serviceAccountName.',
    aliases: ['default-service-account', 'ServiceAccountName'],
    practice: 'P10',
    references: ['https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts'],
    examples: {
      bad: [
        `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  serviceAccountName: default
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
  serviceAccountName: web
  containers:
    - name: app
      image: nginx:1.27
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check(doc, ctx) {
    const pod = podSpecOf(doc);
    if (!pod) return;
    // serviceAccount is the deprecated alias; the API server copies it only when serviceAccountName is empty.
    for (const field of ['serviceAccountName', 'serviceAccount'] as const) {
      const value = pod.spec[field];
      if (typeof value !== 'string' || value === '') continue;
      if (value === 'default') {
        ctx.report({ message: `The pod runs as the "default" service account (${field}).`, at: { pointer: [...pod.pointer, field] } });
      }
      return;
    }
    ctx.report({ message: 'The pod names no service account, so it runs as the namespace\'s "default" one.', at: { pointer: pod.pointer } });
  },
});
