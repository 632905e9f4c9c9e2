import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { pssRuleCheck } from '../../pss/rule-support.js';
import { defineRule } from '../types.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-009',
    slug: 'pss-proc-mount',
    title: "Unmasked /proc",
    severity: 'medium',
    appliesTo: ['kubernetes'],
    description:
      "An Unmasked /proc exposes kernel interfaces the runtime normally hides from containers; only pods in their own user namespace may use it.",
    remediation:
      "Remove securityContext.procMount or set it to Default (or run the pod with hostUsers: false).",
    aliases: ["KSV-0027", "KSV027", "AVD-KSV-0027", "unsafe-proc-mount"],
    practice: 'P7',
    pss: { level: 'baseline', control: 'procMount' },
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
      securityContext:
        procMount: Unmasked
`,
      ],
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostUsers: false
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        procMount: Unmasked
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check: pssRuleCheck('procMount'),
});
