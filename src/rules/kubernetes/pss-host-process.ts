import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { pssRuleCheck } from '../../pss/rule-support.js';
import { defineRule } from '../types.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-001',
    slug: 'pss-host-process',
    title: "Windows HostProcess container",
    severity: 'critical',
    appliesTo: ['kubernetes'],
    description:
      "A Windows HostProcess container runs directly on the node with the privileges of the host, outside any container isolation.",
    remediation:
      "Remove securityContext.windowsOptions.hostProcess (or set it to false) on the pod and its containers; run node agents only in namespaces exempted from Pod Security Admission.",
    aliases: ["KSV-0103", "KSV103", "AVD-KSV-0103"],
    practice: 'P7',
    pss: { level: 'baseline', control: 'windowsHostProcess' },
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
        windowsOptions:
          hostProcess: true
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
        windowsOptions:
          hostProcess: false
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check: pssRuleCheck('windowsHostProcess'),
});
