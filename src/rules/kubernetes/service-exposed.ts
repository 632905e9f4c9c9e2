import type { KubeDocument } from '../../parsers/kubernetes/index.js';
import { defineRule } from '../types.js';
import { isObj } from './support/workload.js';

/** Cloud-provider annotations that make a LoadBalancer Service internal to the VPC, with the value that does so. */
const INTERNAL_LB: ReadonlyArray<[string, RegExp]> = [
  ['service.beta.kubernetes.io/aws-load-balancer-internal', /^(true|0\.0\.0\.0\/0)$/i],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', /^internal$/i],
  ['networking.gke.io/load-balancer-type', /^internal$/i],
  ['cloud.google.com/load-balancer-type', /^internal$/i],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', /^true$/i],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', /^true$/i],
  ['service.beta.kubernetes.io/openstack-internal-load-balancer', /^true$/i],
  ['service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', /^private$/i],
];

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-037',
    slug: 'service-exposed',
    title: 'Service exposed through NodePort or LoadBalancer',
    severity: 'medium',
    appliesTo: ['kubernetes'],
    description: 'A NodePort opens the port on every node and a LoadBalancer puts the Service on an external address, bypassing the ingress gateway where TLS, authentication and rate limits live.',
    remediation: 'Use a ClusterIP Service behind an Ingress or Gateway; if a load balancer is needed, make it internal or restrict loadBalancerSourceRanges.',
    aliases: ['exposed-services', 'service-type'],
    practice: 'P9',
    references: ['https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types'],
    examples: {
      bad: [
        `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector: {app: web}
  ports:
    - port: 80
`,
      ],
      good: [
        `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
    - port: 80
`,
      ],
    },
  },
  objectKinds: ['Service'],
  check(doc, ctx) {
    if (doc.objectKind !== 'Service') return;
    const spec = doc.object.spec;
    if (!isObj(spec)) return;
    const type = spec.type;
    if (type === 'NodePort') {
      ctx.report({ message: `Service "${doc.name}" is of type NodePort: its ports are open on every node.`, at: { pointer: ['spec', 'type'] } });
    } else if (type === 'LoadBalancer') {
      const annotations = isObj(doc.object.metadata?.annotations) ? (doc.object.metadata!.annotations as Record<string, unknown>) : {};
      if (INTERNAL_LB.some(([k, re]) => typeof annotations[k] === 'string' && re.test((annotations[k] as string).trim()))) return;
      const ranges = Array.isArray(spec.loadBalancerSourceRanges) && spec.loadBalancerSourceRanges.length > 0;
      ctx.report({
        message: `Service "${doc.name}" is of type LoadBalancer: it gets an external address${ranges ? ' (limited by loadBalancerSourceRanges)' : ' reachable from anywhere'} and node ports on every node.`,
        at: { pointer: ['spec', 'type'] },
      });
    }
  },
});
