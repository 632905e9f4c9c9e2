import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { pssRuleCheck } from '../../pss/rule-support.js';
import { defineRule } from '../types.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-010',
    slug: 'pss-seccomp-baseline',
    title: "Seccomp disabled",
    severity: 'medium',
    appliesTo: ['kubernetes'],
    description:
      "An Unconfined seccomp profile lets the container make every system call, including those used in kernel exploits.",
    remediation:
      "Set securityContext.seccompProfile.type to RuntimeDefault or Localhost, on the pod or on the container.",
    aliases: ["KSV-0104", "KSV104", "AVD-KSV-0104", "SeccompUnconfined"],
    practice: 'P7',
    pss: { level: 'baseline', control: 'seccompProfile_baseline' },
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
        seccompProfile:
          type: Unconfined
`,
      ],
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: nginx:1.27
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check: pssRuleCheck('seccompProfile_baseline'),
});
