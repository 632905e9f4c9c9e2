import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { pssRuleCheck } from '../../pss/rule-support.js';
import { defineRule } from '../types.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-014',
    slug: 'pss-privilege-escalation',
    title: "Privilege escalation allowed",
    severity: 'medium',
    appliesTo: ['kubernetes'],
    description:
      "Unless allowPrivilegeEscalation is false, a process can gain more privileges than its parent through setuid binaries or file capabilities.",
    remediation:
      "Set securityContext.allowPrivilegeEscalation: false on every container, init container and ephemeral container.",
    aliases: ["KSV-0001", "KSV001", "AVD-KSV-0001", "CKV_K8S_20", "privilege-escalation-container", "AllowPrivilegeEscalation"],
    practice: 'P7',
    pss: { level: 'restricted', control: 'allowPrivilegeEscalation' },
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
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check: pssRuleCheck('allowPrivilegeEscalation'),
});
