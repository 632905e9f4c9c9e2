import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { pssRuleCheck } from '../../pss/rule-support.js';
import { defineRule } from '../types.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-017',
    slug: 'pss-seccomp-restricted',
    title: "No seccomp profile",
    severity: 'low',
    appliesTo: ['kubernetes'],
    description:
      "Without an explicit RuntimeDefault or Localhost seccomp profile the container may run with every system call allowed.",
    remediation:
      "Set spec.securityContext.seccompProfile.type: RuntimeDefault on the pod (or Localhost with a profile).",
    aliases: ["KSV-0030", "KSV030", "AVD-KSV-0030", "CKV_K8S_31"],
    practice: 'P7',
    pss: { level: 'restricted', control: 'seccompProfile_restricted' },
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
  check: pssRuleCheck('seccompProfile_restricted'),
});
