import { describe, expect, it } from 'vitest';
import { runRules } from '../../engine/run.js';
import { parseKubernetes, WORKLOAD_KINDS, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { defineRule, DEFAULT_RULE_SETTINGS, type ReportDescriptor } from '../types.js';
import { kubernetesRules } from './index.js';

// Every object the examples hold, and objects of the kinds a repository has besides workloads.
const OTHERS = `apiVersion: v1
kind: Service
metadata: {name: s, namespace: default}
spec: {type: NodePort, selector: {app: a}, ports: [{port: 80, nodePort: 30080}]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c}
data: {PASSWORD: hunter2, spec: "containers"}
---
apiVersion: v1
kind: Secret
metadata: {name: s}
stringData: {password: hunter2}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: i}
spec: {rules: [{host: a.example.com}]}
---
apiVersion: v1
kind: ServiceAccount
metadata: {name: default}
automountServiceAccountToken: true
---
apiVersion: v1
kind: Namespace
metadata: {name: default}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: n}
spec: {podSelector: {}}
---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
spec:
  template:
    spec:
      containers: [{name: x, image: "nginx:latest", securityContext: {privileged: true}}]
`;

function documents(): KubeDocument[] {
  const texts = [OTHERS];
  for (const rule of kubernetesRules) texts.push(...rule.meta.examples.bad, ...rule.meta.examples.good);
  return texts.flatMap((t) => parseKubernetes(t, 'test.yaml').documents);
}

describe('object kinds of the Kubernetes rules', () => {
  const docs = documents();
  const settings = { ...DEFAULT_RULE_SETTINGS, allowedRegistries: ['registry.example.com'] };

  it('cover every object a rule reports on: offered any other object, it reports nothing', () => {
    expect(new Set(docs.map((d) => d.objectKind)).size).toBeGreaterThan(8);
    const wrong: string[] = [];
    for (const rule of kubernetesRules) {
      if (!rule.objectKinds) continue;
      for (const doc of docs) {
        if (rule.objectKinds.includes(doc.objectKind)) continue;
        const reports: ReportDescriptor[] = [];
        rule.check(doc, { settings, report: (d) => reports.push(d) });
        if (reports.length > 0) wrong.push(`${rule.meta.id} on ${doc.objectKind}: ${reports[0]!.message}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('name the workload kinds for the rules about pod specs', () => {
    const workload = kubernetesRules.filter((r) => r.objectKinds === WORKLOAD_KINDS).map((r) => r.meta.id);
    expect(workload).toContain('K8S-003');
    expect(workload).toContain('K8S-035');
    expect(workload.length).toBeGreaterThan(30);
    // The default-namespace rule looks at every namespaced kind.
    expect(kubernetesRules.find((r) => r.meta.id === 'K8S-027')?.objectKinds).toBeUndefined();
  });

  it('keep the engine from offering a rule other objects', () => {
    const seen: string[] = [];
    const probe = defineRule<KubeDocument>({
      meta: kubernetesRules[0]!.meta,
      objectKinds: ['Service'],
      check: (doc) => void seen.push(doc.objectKind),
    });
    for (const doc of parseKubernetes(OTHERS, 'x.yaml').documents) runRules(doc, [probe], { settings });
    expect(seen).toEqual(['Service']);
  });
});
