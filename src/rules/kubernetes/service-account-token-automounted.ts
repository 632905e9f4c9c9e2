import { WORKLOAD_KINDS, podSpecOf, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { defineRule } from '../types.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-025',
    slug: 'service-account-token-automounted',
    title: 'Service account token mounted automatically',
    severity: 'medium',
    appliesTo: ['kubernetes'],
    description: 'A pod that does not opt out gets an API token mounted into every container, so anyone who breaks into the container can call the Kubernetes API with the service account\'s rights.',
    remediation: 'Set spec.automountServiceAccountToken: false on pods that do not call the Kubernetes API, and mount a projected token only where one is needed.',
    aliases: ['KSV-0036', 'KSV036', 'AVD-KSV-0036', 'CKV_K8S_38', 'AutomountServiceAccountToken'],
    practice: 'P10',
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting',
      'https://kubernetes.io/docs/concepts/security/service-accounts/',
    ],
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
  automountServiceAccountToken: false
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
    const value = pod.spec.automountServiceAccountToken;
    if (value === false) return;
    if (value === undefined || value === null) {
      ctx.report({
        message: 'The pod does not set automountServiceAccountToken: false; unless its service account opts out, every container gets an API token.',
        at: { pointer: pod.pointer },
      });
      return;
    }
    ctx.report({
      message: `The pod sets automountServiceAccountToken to ${JSON.stringify(value)}; every container gets an API token.`,
      at: { pointer: [...pod.pointer, 'automountServiceAccountToken'] },
    });
  },
});
