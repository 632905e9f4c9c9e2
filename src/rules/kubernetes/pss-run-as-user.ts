import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { pssRuleCheck } from '../../pss/rule-support.js';
import { defineRule } from '../types.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-016',
    slug: 'pss-run-as-user',
    title: "Container runs as UID 0",
    severity: 'medium',
    appliesTo: ['kubernetes'],
    description:
      "runAsUser: 0 runs the container process as root, whatever the image says.",
    remediation:
      "Set runAsUser to a non-zero UID, or remove it and let the image choose a non-root user.",
    aliases: ["KSV-0105", "KSV105", "AVD-KSV-0105"],
    practice: 'P7',
    pss: { level: 'restricted', control: 'runAsUser' },
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
        runAsUser: 0
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
        runAsUser: 10001
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check: pssRuleCheck('runAsUser'),
});
