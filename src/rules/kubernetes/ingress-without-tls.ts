import type { KubeDocument } from '../../parsers/kubernetes/index.js';
import { defineRule } from '../types.js';
import { isObj } from './support/workload.js';

/** Whether a TLS host entry covers a rule host; a wildcard covers exactly one label. */
function covers(tlsHost: string, host: string): boolean {
  const t = tlsHost.toLowerCase();
  const h = host.toLowerCase();
  if (t === h) return true;
  if (t.startsWith('*.')) {
    const dot = h.indexOf('.');
    return dot > 0 && h.slice(dot) === t.slice(1);
  }
  return false;
}

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-039',
    slug: 'ingress-without-tls',
    title: 'Ingress without TLS',
    severity: 'medium',
    appliesTo: ['kubernetes'],
    description: 'An Ingress without TLS serves its hosts over plain HTTP, so credentials and session cookies cross the network readable and modifiable.',
    remediation: 'Add spec.tls with a certificate Secret (e.g. from cert-manager) covering every host in spec.rules.',
    aliases: [],
    practice: 'P9',
    references: ['https://kubernetes.io/docs/concepts/services-networking/ingress/#tls'],
    examples: {
      bad: [
        `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend: {service: {name: web, port: {number: 80}}}
`,
      ],
      good: [
        `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  tls:
    - hosts: [shop.example.com]
      secretName: shop-tls
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend: {service: {name: web, port: {number: 80}}}
`,
      ],
    },
  },
  objectKinds: ['Ingress'],
  check(doc, ctx) {
    if (doc.objectKind !== 'Ingress') return;
    const spec = doc.object.spec;
    const tls = isObj(spec) && Array.isArray(spec.tls) ? spec.tls.filter(isObj) : [];
    if (tls.length === 0) {
      ctx.report({
        message: `Ingress "${doc.name}" has no spec.tls: it serves plain HTTP.`,
        at: { pointer: isObj(spec) ? (spec.tls !== undefined ? ['spec', 'tls'] : ['spec']) : [] },
      });
      return;
    }
    // A TLS entry without hosts applies the controller's certificate to every host.
    if (tls.some((t) => !Array.isArray(t.hosts) || t.hosts.length === 0)) return;
    const tlsHosts = tls.flatMap((t) => (t.hosts as unknown[]).filter((h): h is string => typeof h === 'string'));
    const rules = isObj(spec) && Array.isArray(spec.rules) ? spec.rules : [];
    rules.forEach((r, i) => {
      if (!isObj(r) || typeof r.host !== 'string' || r.host === '') return;
      const host = r.host;
      if (tlsHosts.some((t) => covers(t, host))) return;
      ctx.report({ message: `Ingress "${doc.name}" serves host "${host}" without a TLS entry for it.`, at: { pointer: ['spec', 'rules', i, 'host'] } });
    });
  },
});
