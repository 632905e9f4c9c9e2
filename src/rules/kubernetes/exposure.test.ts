import { describe, expect, it } from 'vitest';
import { createRuleTester } from '../../testing/index.js';
import ingressTls from './ingress-without-tls.js';
import serviceExposed from './service-exposed.js';

const run = createRuleTester({ describe, it, expect });

// K8S-037
run(serviceExposed, {
  valid: [
    'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: ClusterIP\n',
    {
      name: 'an internal load balancer stays inside the network',
      code: `apiVersion: v1
kind: Service
metadata:
  name: s
  annotations:
    networking.gke.io/load-balancer-type: Internal
spec:
  type: LoadBalancer
`,
    },
  ],
  invalid: [
    {
      name: 'NodePort points at spec.type',
      code: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: NodePort\n',
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 17, message: 'type NodePort' }],
    },
    {
      name: 'public LoadBalancer',
      code: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: LoadBalancer\n  loadBalancerSourceRanges: [10.0.0.0/8]\n',
      errors: [{ line: 5, column: 3, message: 'limited by loadBalancerSourceRanges' }],
    },
  ],
});

// K8S-039
run(ingressTls, {
  valid: [
    `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: i}
spec:
  tls:
    - hosts: ["*.example.com"]
      secretName: wild
  rules:
    - host: shop.example.com
`,
    { name: 'a TLS entry without hosts covers every host', code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  tls: [{secretName: default}]\n  rules: [{host: a.example.com}]\n' },
  ],
  invalid: [
    {
      name: 'no tls points at spec',
      code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: i}
spec:
  rules:
    - host: shop.example.com
`,
      errors: [{ line: 4, column: 1, message: 'has no spec.tls' }],
    },
    {
      name: 'a host outside the certificates; wildcards cover one label only',
      code: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: i}
spec:
  tls:
    - hosts: ["*.example.com"]
      secretName: wild
  rules:
    - host: shop.example.com
    - host: a.b.example.com
`,
      errors: [{ line: 10, column: 7, endColumn: 28, message: 'serves host "a.b.example.com" without a TLS entry' }],
    },
  ],
});
