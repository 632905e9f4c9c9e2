import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { pssRuleCheck } from '../../pss/rule-support.js';
import { defineRule } from '../types.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-006',
    slug: 'pss-host-ports',
    title: "Container binds a host port",
    severity: 'medium',
    appliesTo: ['kubernetes'],
    description:
      "A hostPort opens the port on the node itself, bypassing Services and network policies and pinning the pod to nodes where the port is free.",
    remediation:
      "Remove hostPort from the container ports and expose the workload through a Service.",
    aliases: ["KSV-0024", "KSV024", "AVD-KSV-0024", "CKV_K8S_26"],
    practice: 'P7',
    pss: { level: 'baseline', control: 'hostPorts' },
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
      ports:
        - containerPort: 8080
          hostPort: 8080
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
      ports:
        - containerPort: 8080
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check: pssRuleCheck('hostPorts'),
});
