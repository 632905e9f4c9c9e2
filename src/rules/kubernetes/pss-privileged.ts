import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { pssRuleCheck } from '../../pss/rule-support.js';
import { defineRule } from '../types.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-003',
    slug: 'pss-privileged',
    title: "Privileged container",
    severity: 'critical',
    appliesTo: ['kubernetes'],
    description:
      "A privileged container has every capability and all host devices, so a compromise of it is a compromise of the node.",
    remediation:
      "Remove securityContext.privileged (or set it to false); grant only the specific capabilities the process needs.",
    aliases: ["KSV-0017", "KSV017", "AVD-KSV-0017", "CKV_K8S_16", "privileged-container", "container-security-context-privileged", "Privileged"],
    practice: 'P7',
    pss: { level: 'baseline', control: 'privileged' },
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
        privileged: true
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
        privileged: false
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check: pssRuleCheck('privileged'),
});
