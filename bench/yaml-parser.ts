/**
 * YAML reading speed on 10,000 generated Kubernetes documents (1,000 files of 10, as a repository
 * scan reads them): js-yaml's loadAll with its default schema merely loading them (the floor),
 * js-yaml with the core schema and the position listener (the former parse path), the fast reader
 * alone, and `parseYamlStream` as the scan calls it. In-process, interleaved, best of 15, measured
 * as this process's CPU time so that other work on the machine disturbs the figures less.
 *
 *   npx tsx bench/yaml-parser.ts
 */
import yaml from 'js-yaml';
import { parseYamlFast } from '../src/parsers/yaml/fast.js';
import { parseYamlStream } from '../src/parsers/yaml/stream.js';

const DOCS = 10_000;
const PER_FILE = 10;

function deployment(i: number, secure: boolean): string {
  const sc = secure
    ? `
          securityContext:
            runAsNonRoot: true
            runAsUser: 10001
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
  annotations:
    description: >-
      Service ${i} of the example estate, folded
      over two lines.
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
          image: "registry.example.com/team/svc-${i}:1.${i % 40}.${i % 7}"
          args: ["--port", "8080", '--log=json']
          ports:
            - containerPort: 8080 # http
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
  return `# Service for svc-${i}
apiVersion: v1
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

const files: string[] = [];
for (let f = 0; f * PER_FILE < DOCS; f++) {
  const docs: string[] = [];
  for (let d = 0; d < PER_FILE; d++) {
    const i = f * PER_FILE + d;
    docs.push(i % 3 === 0 ? deployment(i, i % 10 !== 0) : i % 3 === 1 ? service(i) : configMap(i));
  }
  files.push(docs.join('---\n'));
}
const bytes = files.reduce((n, t) => n + t.length, 0);

const CORE = yaml.CORE_SCHEMA.extend({ implicit: [(yaml as unknown as { types: { merge: yaml.Type } }).types.merge] });

/** The js-yaml path with the listener that logs every node's offsets (as `parseYamlStream` had it). */
function jsYamlWithPositions(text: string): number {
  const log: number[] = [];
  const starts: number[] = [];
  const counts: number[] = [];
  let childCount = 0;
  const listener = (event: 'open' | 'close', state: { position: number }) => {
    if (event === 'open') {
      starts.push(state.position);
      counts.push(childCount);
      childCount = 0;
    } else {
      const n = childCount;
      childCount = (counts.pop() ?? 0) + 1;
      log.push(starts.pop()!, state.position, n);
      if (starts.length === 0) childCount = 0;
    }
  };
  return yaml.loadAll(text, null, { listener, schema: CORE } as yaml.LoadOptions).length + log.length * 0;
}

const contenders: Record<string, () => number> = {
  floor: () => files.reduce((n, t) => n + yaml.loadAll(t).length, 0),
  listener: () => files.reduce((n, t) => n + jsYamlWithPositions(t), 0),
  fast: () => files.reduce((n, t) => n + parseYamlFast(t).values.length, 0),
  stream: () => files.reduce((n, t) => n + parseYamlStream(t, 'bench.yaml').documents.length, 0),
};

// Every file must take the fast path, or the figures would measure the fallback.
const fallbacks = files.filter((t) => {
  try {
    parseYamlFast(t);
    return false;
  } catch {
    return true;
  }
}).length;

const best: Record<string, number> = {};
for (let round = 0; round < 15; round++) {
  for (const [name, fn] of Object.entries(contenders)) {
    // CPU time of this process, not wall time: the figures then hold on a busy machine too.
    const t0 = process.cpuUsage();
    const docs = fn();
    const used = process.cpuUsage(t0);
    const ms = (used.user + used.system) / 1000;
    if (docs !== DOCS) throw new Error(`${name} read ${docs} documents, expected ${DOCS}`);
    if (best[name] === undefined || ms < best[name]!) best[name] = ms;
  }
}

const floor = best.floor!;
const line = (label: string, ms: number) =>
  console.log(`  ${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  ${Math.round((DOCS / ms) * 1000).toLocaleString('en-US').padStart(8)} docs/s  ${(ms / floor).toFixed(2)}x floor`);
console.log(`YAML reading, ${DOCS.toLocaleString('en-US')} Kubernetes documents in ${files.length} files (${(bytes / 1024 / 1024).toFixed(1)} MiB), best of 15 (CPU time), ${fallbacks} files fell back`);
line('floor  js-yaml loadAll (default schema)', floor);
line('js-yaml core schema + position listener', best.listener!);
line('fast reader (values + position log)', best.fast!);
line('parseYamlStream (fast reader, documents)', best.stream!);
console.log(`  fast reader is ${(floor / best.fast!).toFixed(2)}x as fast as the floor, ${(best.listener! / best.fast!).toFixed(2)}x as fast as js-yaml with positions`);
