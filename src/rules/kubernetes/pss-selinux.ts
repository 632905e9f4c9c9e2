import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { pssRuleCheck } from '../../pss/rule-support.js';
import { defineRule } from '../types.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-008',
    slug: 'pss-selinux',
    title: "Custom SELinux type, user or role",
    severity: 'medium',
    appliesTo: ['kubernetes'],
    description:
      "A custom SELinux type such as spc_t, or a custom SELinux user or role, can lift the confinement SELinux gives containers.",
    remediation:
      "Remove seLinuxOptions.user and .role and use no type or one of container_t, container_init_t, container_kvm_t, container_engine_t.",
    aliases: ["KSV-0025", "KSV025", "AVD-KSV-0025"],
    practice: 'P7',
    pss: { level: 'baseline', control: 'seLinuxOptions' },
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
        seLinuxOptions:
          type: spc_t
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
      securityContext:
        seLinuxOptions:
          type: container_t
          level: 's0:c123,c456'
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check: pssRuleCheck('seLinuxOptions'),
});
