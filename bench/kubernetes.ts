/**
 * `drydock scan` over a generated repository of Kubernetes documents, against the floor of js-yaml's
 * loadAll merely loading the same files, both in child processes pinned to one core.
 * Prints documents per second, peak memory, and the ratio; then peak memory at growing sizes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { best, bestOf, fmt, measure, type Measured } from './lib.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORK = path.join(ROOT, 'bench/.work');
const DOCS_PER_FILE = 10;

function deployment(i: number, secure: boolean, clean = false): string {
  const sc = secure
    ? `
          securityContext:
            runAsNonRoot: true
            runAsUser: 10001${clean ? `
            runAsGroup: 10001` : ''}
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: {drop: [ALL]}
            seccompProfile: {type: RuntimeDefault}`
    : `
          securityContext:
            privileged: ${i % 3 === 0}`;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: svc-${i}
  namespace: team-${i % 17}
  labels: {app: svc-${i}, tier: backend}
spec:
  replicas: ${1 + (i % 5)}
  selector:
    matchLabels: {app: svc-${i}}
  template:
    metadata:
      labels: {app: svc-${i}}
    spec:
      automountServiceAccountToken: false
      serviceAccountName: svc-${i}
      containers:
        - name: app
          image: registry.example.com/team/svc-${i}:1.${i % 40}.${i % 7}@sha256:${(i.toString(16).padStart(8, '0')).repeat(8)}
          ports:
            - containerPort: 8080
          env:
            - name: LOG_LEVEL
              value: info
            - name: DB_HOST
              value: db-${i % 9}.internal
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: 500m, memory: 256Mi}${sc}
`;
}

function service(i: number): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: svc-${i}
  namespace: team-${i % 17}
spec:
  type: ${i % 10 === 0 ? 'NodePort' : 'ClusterIP'}
  selector: {app: svc-${i}}
  ports:
    - port: 80
      targetPort: 8080
`;
}

function configMap(i: number): string {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg-${i}
  namespace: team-${i % 17}
data:
  application.properties: |
    server.port=8080
    feature.flag.${i}=true
    cache.size=${i * 13}
`;
}

/**
 * Writes `total` documents into files of DOCS_PER_FILE documents. `clean`: every Deployment is
 * hardened, so the report stays nearly empty and memory shows what reading the files costs.
 */
export function generate(dir: string, total: number, clean = false): void {
  rmSync(dir, { recursive: true, force: true });
  for (let f = 0; f * DOCS_PER_FILE < total; f++) {
    const sub = path.join(dir, `team-${f % 20}`);
    mkdirSync(sub, { recursive: true });
    const docs: string[] = [];
    for (let d = 0; d < DOCS_PER_FILE && f * DOCS_PER_FILE + d < total; d++) {
      const i = f * DOCS_PER_FILE + d;
      docs.push(i % 3 === 0 ? deployment(i, clean || i % 10 !== 0, clean) : i % 3 === 1 ? service(i) : configMap(i));
    }
    writeFileSync(path.join(sub, `app-${f}.yaml`), docs.join('---\n'));
  }
}

function run(total: number, repeats: number, clean = false) {
  const dir = path.join(WORK, `k8s-${clean ? 'clean-' : ''}${total}`);
  generate(dir, total, clean);
  // Both run from the work directory, so no drydock.yaml of the repository applies.
  const scanArgs = [path.join(ROOT, 'bin/drydock.js'), 'scan', dir, '--scanners', 'misconfig', '--format', 'json', '--output', '/dev/null'];
  // Floor and scan take turns, so a burst of other work on the machine falls on both alike.
  const floors: Measured[] = [];
  const scans: Measured[] = [];
  for (let i = 0; i < repeats; i++) {
    floors.push(measure(process.execPath, [path.join(ROOT, 'bench/floor-js-yaml.mjs'), dir], { cwd: WORK }));
    scans.push(measure(process.execPath, scanArgs, { cwd: WORK }));
  }
  const floor = bestOf(floors);
  const scan = bestOf(scans);
  // Each scan against the floor run just before it: a slow spell of the machine then falls on both.
  const paired = scans.map((m, i) => m.ms / floors[i]!.ms);
  const report = measure(process.execPath, [path.join(ROOT, 'bin/drydock.js'), 'scan', dir, '--scanners', 'misconfig', '--format', 'json'], { cwd: WORK });
  const findings = (JSON.parse(report.stdout) as { findings: unknown[] }).findings.length;
  return { total, floor, scan, findings, paired };
}

// Run only when executed, so `generate` can be imported.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const main = run(10_000, 5);
  const ratio = main.scan.ms / main.floor.ms;
  console.log(`Kubernetes scan, ${main.total.toLocaleString()} documents in ${main.total / DOCS_PER_FILE} files, one core (best of 5, the two taking turns):`);
  console.log(`  floor  js-yaml loadAll   ${fmt(main.floor.ms, 0)} ms  ${fmt((main.total / main.floor.ms) * 1000, 0)} docs/s  peak ${fmt(main.floor.peakMiB)} MiB`);
  console.log(`  drydock scan (misconfig) ${fmt(main.scan.ms, 0)} ms  ${fmt((main.total / main.scan.ms) * 1000, 0)} docs/s  peak ${fmt(main.scan.peakMiB)} MiB`);
  console.log(`  ratio drydock / floor: ${fmt(ratio, 2)}x (target <= 1.50x) ${ratio <= 1.5 ? 'PASS' : 'MISS'}`);
  const sorted = [...main.paired].sort((a, b) => a - b);
  console.log(`  each round's scan against its floor: ${main.paired.map((r) => `${fmt(r, 2)}x`).join(', ')}; median ${fmt(sorted[Math.floor(sorted.length / 2)]!, 2)}x`);

  // Start-up alone: both commands on an empty directory, and Node doing nothing.
  const empty = path.join(WORK, 'k8s-empty');
  rmSync(empty, { recursive: true, force: true });
  mkdirSync(empty, { recursive: true });
  const startScan = best(5, () => measure(process.execPath, [path.join(ROOT, 'bin/drydock.js'), 'scan', empty, '--scanners', 'misconfig', '--format', 'json', '--output', '/dev/null'], { cwd: WORK }));
  const startFloor = best(5, () => measure(process.execPath, [path.join(ROOT, 'bench/floor-js-yaml.mjs'), empty], { cwd: WORK }));
  const startNode = best(5, () => measure(process.execPath, ['-e', '0'], { cwd: WORK }));
  // The same with a configuration and an ignore file in the working directory, as most projects that
  // use drydock in CI have: both are read and checked against their schemas.
  const configured = path.join(WORK, 'k8s-configured');
  rmSync(configured, { recursive: true, force: true });
  mkdirSync(configured, { recursive: true });
  writeFileSync(path.join(configured, 'drydock.yaml'), 'failOn: high\nskipDirs: ["vendor/**"]\nrules:\n  K8S-001: medium\nsettings:\n  allowedRegistries: [registry.example.com]\n');
  writeFileSync(path.join(configured, '.drydockignore.yaml'), '- id: K8S-002\n  reason: accepted\n  expires: 2099-01-01\n');
  const startConfigured = best(5, () => measure(process.execPath, [path.join(ROOT, 'bin/drydock.js'), 'scan', empty, '--scanners', 'misconfig', '--format', 'json', '--output', '/dev/null'], { cwd: configured }));
  console.log(`Start-up (an empty directory, best of 5): drydock scan ${fmt(startScan.ms, 0)} ms (${fmt(startConfigured.ms, 0)} ms with a drydock.yaml and a .drydockignore.yaml), floor ${fmt(startFloor.ms, 0)} ms, node -e 0 ${fmt(startNode.ms, 0)} ms`);

  console.log('Peak memory as the repository grows:');
  let heavy40k: ReturnType<typeof run> | undefined;
  for (const total of [2_500, 10_000, 40_000]) {
    const r = total === 10_000 ? main : run(total, 1);
    if (total === 40_000) heavy40k = r;
    console.log(`  ${total.toLocaleString().padStart(6)} docs: drydock ${fmt(r.scan.peakMiB)} MiB, floor ${fmt(r.floor.peakMiB)} MiB, ${fmt((total / r.scan.ms) * 1000, 0)} docs/s, ${r.findings.toLocaleString()} findings in the report`);
  }
  console.log('Peak memory as a repository of hardened workloads grows (the report stays small):');
  let clean40k: ReturnType<typeof run> | undefined;
  for (const total of [2_500, 10_000, 40_000]) {
    const r = run(total, 1, true);
    if (total === 40_000) clean40k = r;
    console.log(`  ${total.toLocaleString().padStart(6)} docs: drydock ${fmt(r.scan.peakMiB)} MiB, floor ${fmt(r.floor.peakMiB)} MiB, ${fmt((total / r.scan.ms) * 1000, 0)} docs/s, ${r.findings.toLocaleString()} findings in the report`);
  }
  if (heavy40k && clean40k) {
    const perFinding = ((heavy40k.scan.peakMiB - clean40k.scan.peakMiB) * 1024 * 1024) / (heavy40k.findings - clean40k.findings);
    console.log(`At 40,000 documents the report's findings add ${fmt(perFinding / 1024)} KiB of peak memory each (the difference between the two repositories).`);
  }
}
