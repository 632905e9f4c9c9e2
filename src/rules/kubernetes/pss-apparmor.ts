import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { pssRuleCheck } from '../../pss/rule-support.js';
import { defineRule } from '../types.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-007',
    slug: 'pss-apparmor',
    title: "AppArmor profile disabled",
    severity: 'medium',
    appliesTo: ['kubernetes'],
    description:
      "An Unconfined AppArmor profile removes the mandatory access control the runtime applies to the container by default.",
    remediation:
      "Set securityContext.appArmorProfile.type to RuntimeDefault or Localhost, and remove \"unconfined\" AppArmor annotations.",
    aliases: ["KSV-0002", "KSV002", "AVD-KSV-0002", "CKV_K8S_32"],
    practice: 'P7',
    pss: { level: 'baseline', control: 'appArmorProfile' },
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
        appArmorProfile:
          type: Unconfined
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
        appArmorProfile:
          type: RuntimeDefault
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check: pssRuleCheck('appArmorProfile'),
});
