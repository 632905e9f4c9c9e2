import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { pssRuleCheck } from '../../pss/rule-support.js';
import { defineRule } from '../types.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-019',
    slug: 'pss-proc-mount-restricted',
    title: "Unmasked /proc under the restricted level",
    severity: 'low',
    appliesTo: ['kubernetes'],
    description:
      "The restricted level allows only the default /proc mask, even for pods in their own user namespace.",
    remediation:
      "Remove securityContext.procMount or set it to Default.",
    aliases: [],
    practice: 'P7',
    pss: { level: 'restricted', control: 'procMount_restricted' },
    references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/", 'https://kubernetes.io/docs/concepts/security/pod-security-admission/'],
    examples: {
      bad: [
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
        procMount: Default
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check: pssRuleCheck('procMount_restricted'),
});
