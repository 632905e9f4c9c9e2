import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { pssRuleCheck } from '../../pss/rule-support.js';
import { defineRule } from '../types.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-015',
    slug: 'pss-run-as-non-root',
    title: "Container may run as root",
    severity: 'medium',
    appliesTo: ['kubernetes'],
    description:
      "Without runAsNonRoot: true the container may start as root, so a breakout or a writable host path is far more damaging.",
    remediation:
      "Set securityContext.runAsNonRoot: true on the pod (or on every container) and run the image as a non-zero user.",
    aliases: ["KSV-0012", "KSV012", "AVD-KSV-0012", "CKV_K8S_23", "run-as-non-root", "RunAsNonRoot"],
    practice: 'P7',
    pss: { level: 'restricted', control: 'runAsNonRoot' },
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
    runAsNonRoot: true
  containers:
    - name: app
      image: nginx:1.27
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check: pssRuleCheck('runAsNonRoot'),
});
