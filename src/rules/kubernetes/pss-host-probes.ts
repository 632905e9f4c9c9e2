import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { pssRuleCheck } from '../../pss/rule-support.js';
import { defineRule } from '../types.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-012',
    slug: 'pss-host-probes',
    title: "Probe or lifecycle hook targets another host",
    severity: 'medium',
    appliesTo: ['kubernetes'],
    description:
      "A host in an HTTP or TCP probe or lifecycle hook makes the kubelet connect to an arbitrary address from the node, which can reach services only the node should reach.",
    remediation:
      "Remove the host field from httpGet and tcpSocket probes and lifecycle handlers so they target the pod itself.",
    aliases: [],
    practice: 'P7',
    pss: { level: 'baseline', control: 'hostProbesAndHostLifecycle' },
    references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/", 'https://kubernetes.io/docs/concepts/security/pod-security-admission/'],
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
      livenessProbe:
        httpGet:
          host: 169.254.169.254
          path: /latest/meta-data/
          port: 80
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
      livenessProbe:
        httpGet:
          path: /healthz
          port: 8080
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check: pssRuleCheck('hostProbesAndHostLifecycle'),
});
