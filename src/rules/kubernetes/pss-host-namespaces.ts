import { WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { pssRuleCheck } from '../../pss/rule-support.js';
import { defineRule } from '../types.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-002',
    slug: 'pss-host-namespaces',
    title: "Pod shares the host network, PID or IPC namespace",
    severity: 'high',
    appliesTo: ['kubernetes'],
    description:
      "Sharing the host network, process or IPC namespace lets the pod see and reach the node and every other workload on it.",
    remediation:
      "Remove hostNetwork, hostPID and hostIPC from the pod spec (or set them to false).",
    aliases: ["KSV-0008", "KSV008", "AVD-KSV-0008", "KSV-0009", "KSV009", "AVD-KSV-0009", "KSV-0010", "KSV010", "AVD-KSV-0010", "CKV_K8S_17", "CKV_K8S_18", "CKV_K8S_19", "host-network", "host-pid", "host-ipc", "HostNetwork", "HostPID", "HostIPC"],
    practice: 'P7',
    pss: { level: 'baseline', control: 'hostNamespaces' },
    references: ["https://kubernetes.io/docs/concepts/security/pod-security-standards/", 'https://kubernetes.io/docs/concepts/security/pod-security-admission/'],
    examples: {
      bad: [
        `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostNetwork: true
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
  hostNetwork: false
  containers:
    - name: app
      image: nginx:1.27
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check: pssRuleCheck('hostNamespaces'),
});
