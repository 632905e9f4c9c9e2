import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { pssRuleCheck } from '../../pss/rule-support.js';
import { defineRule } from '../types.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-004',
    slug: 'pss-capabilities-baseline',
    title: "Container adds a capability outside the default set",
    severity: 'high',
    appliesTo: ['kubernetes'],
    description:
      "Capabilities beyond the container runtime defaults, such as SYS_ADMIN or NET_ADMIN, give a container powers that lead to the node.",
    remediation:
      "Remove the capability from securityContext.capabilities.add; only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT are allowed.",
    aliases: ["KSV-0022", "KSV022", "AVD-KSV-0022", "CKV_K8S_25"],
    practice: 'P7',
    pss: { level: 'baseline', control: 'capabilities_baseline' },
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
        capabilities:
          add: [SYS_ADMIN]
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
        capabilities:
          add: [NET_BIND_SERVICE]
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check: pssRuleCheck('capabilities_baseline'),
});
