import { describe, expect, it } from 'vitest';
import { parseKubernetes } from './parse.js';

function at(text: string, pointer: (string | number)[], doc = 0) {
  const d = parseKubernetes(text, 'x.yaml').documents[doc]!;
  const r = d.resolve({ pointer });
  return { ...r, text: d.snippet(r) };
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      image: nginx
      securityContext:
        privileged: true
`;

describe('parseKubernetes positions', () => {
  it('points at the field: from the key to the end of the value', () => {
    expect(at(POD, ['spec', 'containers', 0, 'securityContext', 'privileged'])).toEqual({ startLine: 10, startColumn: 9, endLine: 10, endColumn: 25, text: 'privileged: true' });
  });
  it('falls back to the deepest existing ancestor for a missing field', () => {
    expect(at(POD, ['spec', 'containers', 0, 'securityContext', 'runAsNonRoot']).startLine).toBe(9);
  });
  it('keeps columns right after a byte-order mark', () => {
    expect(at('\uFEFF' + POD, ['spec', 'containers', 0, 'image'])).toMatchObject({ startLine: 8, startColumn: 7, text: 'image: nginx' });
  });
  it('handles CRLF line endings', () => {
    expect(at(POD.replace(/\n/g, '\r\n'), ['spec', 'containers', 0, 'image'])).toMatchObject({ startLine: 8, startColumn: 7, text: 'image: nginx' });
  });
  it('finds keys inside flow mappings in block sequences', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: a, image: "x:1", securityContext: {privileged: true}}\n';
    expect(at(text, ['spec', 'containers', 0, 'securityContext', 'privileged'])).toMatchObject({ startLine: 6, startColumn: 49, text: 'privileged: true' });
  });
  it('numbers documents of a stream and members of a List', () => {
    const text = `${POD}---\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata: {name: s}\n    spec: {type: NodePort}\n`;
    const r = parseKubernetes(text, 'x.yaml');
    expect(r.documents.map((d) => [d.objectKind, d.name, d.documentIndex])).toEqual([
      ['Pod', 'p', 0],
      ['Service', 's', 1],
    ]);
    const svc = r.documents[1]!;
    expect(svc.snippet(svc.resolve({ pointer: ['spec', 'type'] }))).toBe('type: NodePort');
  });
  it('ignores documents that are not Kubernetes objects', () => {
    expect(parseKubernetes('a: 1\n---\n- x\n---\n', 'x.yaml').documents).toEqual([]);
  });
  it('reads dates and YAML 1.1 words as Kubernetes does: strings', () => {
    const d = parseKubernetes('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  day: 2024-01-01\n', 'x.yaml').documents[0]!;
    expect(d.get(['data', 'day'])).toBe('2024-01-01');
  });
  it('reports invalid YAML with its line, and keeps the documents before it', () => {
    const r = parseKubernetes(`${POD}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: [\n`, 'x.yaml');
    expect(r.documents.map((d) => d.name)).toEqual(['p']);
    expect(r.errors[0]).toMatchObject({ code: 'invalid-yaml' });
  });
  it('reads annotation suppressions', () => {
    const d = parseKubernetes('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    drydock.io/ignore: "K8S-020, KSV017"\n', 'x.yaml').documents[0]!;
    expect(d.objectIgnores?.ids).toEqual(['K8S-020', 'KSV017']);
  });
});
