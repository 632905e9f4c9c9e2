import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { pssRuleCheck } from '../../pss/rule-support.js';
import { defineRule } from '../types.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-011',
    slug: 'pss-sysctls',
    title: "Unsafe sysctl",
    severity: 'medium',
    appliesTo: ['kubernetes'],
    description:
      "Sysctls outside the safe, namespaced set change kernel settings shared with every other pod on the node.",
    remediation:
      "Remove the sysctl from spec.securityContext.sysctls, or set it on the nodes instead.",
    aliases: ["KSV-0026", "KSV026", "AVD-KSV-0026", "unsafe-sysctls"],
    practice: 'P7',
    pss: { level: 'baseline', control: 'sysctls' },
    references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/", 'https://kubernetes.io/docs/concepts/security/pod-security-admission/'],
    examples: {
      bad: [
        `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    sysctls:
      - name: kernel.msgmax
        value: '65536'
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
    sysctls:
      - name: net.ipv4.ip_local_port_range
        value: '1024 65535'
  containers:
    - name: app
      image: nginx:1.27
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check: pssRuleCheck('sysctls'),
});
