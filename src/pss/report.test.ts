import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import type { CliIO } from '../cli/io.js';
import { parseKubernetes } from '../parsers/kubernetes/index.js';
import { judgeDocuments, renderPssJson, renderPssTable } from './report.js';
import { namespacePolicyOf, type NamespacePolicy } from './workload.js';

const STREAM = `apiVersion: v1
kind: Namespace
metadata:
  name: legacy
  labels:
    pod-security.kubernetes.io/enforce: baseline
    pod-security.kubernetes.io/enforce-version: v1.33
---
apiVersion: v1
kind: Namespace
metadata:
  name: ops
  labels:
    pod-security.kubernetes.io/enforce: privileged
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: probe, namespace: legacy}
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx
          livenessProbe:
            httpGet: {host: 10.0.0.1, port: 80}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: ops}
spec:
  template:
    spec:
      hostNetwork: true
      containers: [{name: agent, image: agent}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: job}
spec:
  schedule: '@daily'
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{name: job, image: busybox}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm}
`;

function namespaces(docs: ReturnType<typeof parseKubernetes>['documents']): Map<string, NamespacePolicy> {
  const m = new Map<string, NamespacePolicy>();
  for (const d of docs) {
    const p = namespacePolicyOf(d);
    if (p) m.set(d.name, p);
  }
  return m;
}

describe('judgeDocuments', () => {
  const docs = parseKubernetes(STREAM, 'all.yaml').documents;

  it('uses the Namespace labels, else the default policy', () => {
    const judged = judgeDocuments(docs, { level: 'restricted', version: 'latest' }, namespaces(docs));
    expect(judged.map((j) => [j.result.kind, j.result.allowed, j.level, j.version])).toEqual([
      ['Deployment', true, 'baseline', 33],
      ['DaemonSet', true, 'privileged', 'latest'],
      ['CronJob', false, 'restricted', 'latest'],
    ]);
    // at baseline v1.34 or later the probe host would be denied
    const strict = judgeDocuments(docs, { level: 'baseline', version: 34 }, new Map());
    expect(strict[0]!.result.violations).toEqual([
      { control: 'hostProbesAndHostLifecycle', message: 'probe or lifecycle host (container "app" uses probe or lifecycle host "10.0.0.1")' },
    ]);
  });

  it('renders the documented JSON form and a table', () => {
    const judged = judgeDocuments(docs, { level: 'baseline', version: 'latest' }, new Map());
    const json = JSON.parse(renderPssJson(judged));
    expect(Object.keys(json)).toEqual(['results']);
    expect(Object.keys(json.results[0])).toEqual(['path', 'kind', 'namespace', 'name', 'allowed', 'violations']);
    expect(json.results[1]).toMatchObject({ path: 'all.yaml', kind: 'DaemonSet', namespace: 'ops', name: 'agent', allowed: false });
    expect(json.results[1].violations).toEqual([{ control: 'hostNamespaces', message: 'host namespaces (hostNetwork=true)' }]);
    const table = renderPssTable(judged);
    expect(table).toContain('DENIED   all.yaml  DaemonSet/ops/agent  (baseline:latest)');
    expect(table).toContain('3 workloads: 1 allowed, 2 denied');
  });

  it('reads unknown label values as PSA does: restricted and latest', () => {
    const ns = parseKubernetes(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n  labels:\n    pod-security.kubernetes.io/enforce: strict\n    pod-security.kubernetes.io/enforce-version: "1.2"\n',
      'ns.yaml',
    ).documents[0]!;
    const p = namespacePolicyOf(ns)!;
    expect([p.level, p.version, p.problems.length]).toEqual(['restricted', 'latest', 2]);
  });
});

describe('drydock pss', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'drydock-pss-'));
  writeFileSync(path.join(dir, 'all.yaml'), STREAM);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(args: string[]) {
    let out = '';
    let err = '';
    const io: CliIO = {
      stdout: (t) => void (out += t),
      stderr: (t) => void (err += t),
      isTTY: false,
      isErrTTY: false,
      env: {},
      cwd: dir,
      readStdin: async () => STREAM,
      setExitCode: () => {},
    };
    const code = await main(['node', 'drydock', 'pss', ...args], io);
    return { code, out, err };
  }

  it('exits 1 when a workload is denied and prints JSON', async () => {
    const r = await run([dir, '--level', 'restricted', '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.results).toHaveLength(3);
    expect(json.results[2].violations.map((v: { control: string }) => v.control)).toContain('runAsNonRoot');
  });

  it('exits 0 when everything is allowed, reading standard input', async () => {
    const r = await run(['-', '--level', 'baseline', '--version', 'v1.33']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('ALLOWED  stdin.yaml  DaemonSet/ops/agent  (privileged:latest from namespace labels)');
  });

  it('exits 2 on usage errors', async () => {
    expect((await run([dir])).code).toBe(2);
    expect((await run([dir, '--level', 'privileged'])).code).toBe(2);
    expect((await run([dir, '--level', 'baseline', '--version', 'v2'])).code).toBe(2);
    expect((await run([dir, '--level', 'baseline', '--format', 'sarif'])).code).toBe(2);
  });
});
