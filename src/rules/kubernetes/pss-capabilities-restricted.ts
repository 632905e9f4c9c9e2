import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { pssRuleCheck } from '../../pss/rule-support.js';
import { defineRule } from '../types.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-018',
    slug: 'pss-capabilities-restricted',
    title: "Capabilities not dropped",
    severity: 'low',
    appliesTo: ['kubernetes'],
    description:
      "A container that does not drop ALL capabilities keeps the runtime defaults, such as NET_RAW and CHOWN, which an attacker can use.",
    remediation:
      "Set securityContext.capabilities.drop: [ALL] and add back at most NET_BIND_SERVICE.",
    aliases: ["KSV-0003", "KSV003", "AVD-KSV-0003", "KSV-0106", "KSV106", "AVD-KSV-0106", "CKV_K8S_37", "CapDropAll"],
    practice: 'P7',
    pss: { level: 'restricted', control: 'capabilities_restricted' },
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
        capabilities:
          drop: [ALL]
          add: [NET_BIND_SERVICE]
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check: pssRuleCheck('capabilities_restricted'),
});
