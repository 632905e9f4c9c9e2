import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { pssRuleCheck } from '../../pss/rule-support.js';
import { defineRule } from '../types.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-013',
    slug: 'pss-restricted-volumes',
    title: "Volume type outside the restricted set",
    severity: 'low',
    appliesTo: ['kubernetes'],
    description:
      "Volume types other than configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret reach node or network storage directly, bypassing PersistentVolume controls.",
    remediation:
      "Use a PersistentVolumeClaim (or one of the allowed ephemeral types) instead of the in-line volume source.",
    aliases: ["KSV-0028", "KSV028", "AVD-KSV-0028"],
    practice: 'P7',
    pss: { level: 'restricted', control: 'restrictedVolumes' },
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
    - name: share
      nfs:
        server: nfs.example.com
        path: /exports
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
    - name: data
      persistentVolumeClaim:
        claimName: data
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check: pssRuleCheck('restrictedVolumes'),
});
