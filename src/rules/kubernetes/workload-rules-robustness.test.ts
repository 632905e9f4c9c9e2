import { describe, expect, it } from 'vitest';
import { lint } from '../../testing/index.js';
import { kubernetesRules } from './index.js';

// K8S-020..K8S-039 must survive any shape a manifest may take, and read every pod-carrying kind.
const mine = kubernetesRules.filter((r) => /^K8S-0(2\d|3\d)$/.test(r.meta.id));

const odd = [
  'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: nope\n  volumes: [null, 3, {hostPath: 7}, {name: v, hostPath: {path: null}}]\n',
  'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: []\n  containers:\n    - null\n    - name: 5\n      image: [x]\n      env: {a: b}\n      ports: [null, {hostPort: null}]\n      resources: {limits: []}\n      securityContext: {capabilities: {drop: "ALL", add: [1]}, runAsUser: "0"}\n      volumeMounts: [null]\n',
  'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: [a, b]\nstringData: {a: {b: c}, c: [1]}\n',
  'apiVersion: v1\nkind: Service\nmetadata: null\nspec: [1]\n',
  'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec: {tls: [null, {hosts: [1, null]}], rules: [null, {host: 5}]}\n',
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {template: {spec: null}}\n',
];

describe('Kubernetes workload rules on malformed objects', () => {
  for (const rule of mine) {
    it(`${rule.meta.id} does not throw`, () => {
      for (const code of odd) expect(() => lint(rule, code, undefined, { allowedRegistries: ['ghcr.io/acme'] })).not.toThrow();
    });
  }
});

const podSpec = `      containers:
        - name: app
          image: nginx`;

const kinds: Record<string, string> = {
  Pod: `apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n${podSpec.replace(/^ {4}/gm, '')}\n`,
  Deployment: `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n${podSpec}\n`,
  StatefulSet: `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n${podSpec}\n`,
  DaemonSet: `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n${podSpec}\n`,
  ReplicaSet: `apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n${podSpec}\n`,
  ReplicationController: `apiVersion: v1\nkind: ReplicationController\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n${podSpec}\n`,
  Job: `apiVersion: batch/v1\nkind: Job\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n${podSpec}\n`,
  CronJob: `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: x}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n${podSpec.replace(/^/gm, '    ')}\n`,
  PodTemplate: `apiVersion: v1\nkind: PodTemplate\nmetadata: {name: x}\ntemplate:\n  spec:\n${podSpec.replace(/^ {2}/gm, '')}\n`,
  List: `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: x}\n    spec:\n      template:\n        spec:\n${podSpec.replace(/^/gm, '    ')}\n`,
};

describe('every pod-carrying kind is read', () => {
  const containerRules = ['K8S-020', 'K8S-021', 'K8S-028', 'K8S-033', 'K8S-034'];
  for (const [kind, code] of Object.entries(kinds)) {
    it(`${kind}: the container's findings name it and point at its image line or the container`, () => {
      const imageLine = code.split('\n').findIndex((l) => l.includes('image: nginx')) + 1;
      for (const id of containerRules) {
        const rule = mine.find((r) => r.meta.id === id)!;
        const found = lint(rule, code);
        expect(found, `${id} on ${kind}`).toHaveLength(1);
        expect(found[0]!.resource?.container).toBe('app');
        expect([imageLine - 1, imageLine]).toContain(found[0]!.location.startLine);
      }
    });
  }
});
