import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { pssRuleCheck } from '../../pss/rule-support.js';
import { defineRule } from '../types.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-005',
    slug: 'pss-host-path-volumes',
    title: "hostPath volume",
    severity: 'high',
    appliesTo: ['kubernetes'],
    description:
      "A hostPath volume exposes the node filesystem to the pod, which can read secrets of other pods or change the node.",
    remediation:
      "Replace the hostPath volume with an emptyDir, a ConfigMap, a Secret or a PersistentVolumeClaim.",
    aliases: ["KSV-0023", "KSV023", "AVD-KSV-0023"],
    practice: 'P7',
    pss: { level: 'baseline', control: 'hostPathVolumes' },
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
  volumes:
    - name: host
      hostPath:
        path: /var/log
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
  volumes:
    - name: scratch
      emptyDir: {}
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check: pssRuleCheck('hostPathVolumes'),
});
