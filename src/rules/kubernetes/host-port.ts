import { containersOf, podSpecOf, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { defineRule } from '../types.js';
import { containerResource, isObj } from './support/workload.js';

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-038',
    slug: 'host-port',
    title: 'Container binds a host port',
    severity: 'medium',
    appliesTo: ['kubernetes'],
    description: 'A hostPort publishes the container on the node\'s own address, past Services and most NetworkPolicy setups, and pins the pod to nodes where the port is free.',
    remediation: 'Remove ports[].hostPort and reach the pod through a Service (and an Ingress or Gateway from outside).',
    aliases: ['KSV-0024', 'KSV024', 'AVD-KSV-0024', 'CKV_K8S_26'],
    practice: 'P9',
    references: ['https://kubernetes.io/docs/concepts/configuration/overview/#services', 'https://kubernetes.io/docs/concepts/security/pod-security-standards/'],
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
      ports:
        - containerPort: 8080
          hostPort: 80
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
      ports:
        - containerPort: 8080
`,
      ],
    },
  },
  check(doc, ctx) {
    const pod = podSpecOf(doc);
    if (!pod) return;
    for (const c of containersOf(pod)) {
      const ports = c.container.ports;
      if (!Array.isArray(ports)) continue;
      ports.forEach((p, i) => {
        if (!isObj(p)) return;
        const hostPort = p.hostPort;
        // 0 (or absent) means no host port.
        if (hostPort === undefined || hostPort === null || hostPort === 0 || hostPort === '0') return;
        ctx.report({
          message: `Container "${c.name}" binds host port ${String(hostPort)}.`,
          at: { pointer: [...c.pointer, 'ports', i, 'hostPort'] },
          resource: containerResource(doc, c),
          fingerprintData: `${c.type}/${c.name}/${String(hostPort)}`,
        });
      });
    }
  },
});
