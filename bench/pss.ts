/**
 * Pod Security Standards judging speed: parsing a stream of 10,000 Deployments with field
 * positions and judging each pod at restricted:latest, against the floor of js-yaml's loadAll
 * merely loading the same text. All run in this process, interleaved, best of 5.
 *
 *   npx tsx bench/pss.ts
 */
import yaml from 'js-yaml';
import { parseKubernetes } from '../src/parsers/kubernetes/index.js';
import { evaluateWorkload } from '../src/pss/index.js';

const N = 10_000;

function deployment(i: number): string {
  const risky = i % 4 === 0;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: team-${i % 20}
spec:
  template:
    metadata:
      labels: {app: app-${i}}
    spec:
      ${risky ? 'hostNetwork: true' : 'hostNetwork: false'}
      securityContext:
        runAsNonRoot: true
        seccompProfile: {type: RuntimeDefault}
      initContainers:
        - name: init
          image: busybox:1.36
          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
      containers:
        - name: app
          image: registry.example.com/app:${i}
          ports: [{containerPort: 8080${risky ? ', hostPort: 8080' : ''}}]
          securityContext:
            allowPrivilegeEscalation: ${risky}
            capabilities: {drop: [ALL]${risky ? ', add: [NET_ADMIN]' : ''}}
          livenessProbe: {httpGet: {path: /healthz, port: 8080}}
      volumes:
        - name: data
          ${risky ? 'hostPath: {path: /srv}' : 'emptyDir: {}'}
`;
}

const text = Array.from({ length: N }, (_, i) => deployment(i)).join('---\n');

/** Best of 5, the contenders interleaved so a busy neighbour slows each of them alike. */
function race(fns: Record<string, () => number>): Record<string, { ms: number; value: number }> {
  const out: Record<string, { ms: number; value: number }> = {};
  for (let i = 0; i < 5; i++) {
    for (const [name, fn] of Object.entries(fns)) {
      const t0 = process.hrtime.bigint();
      const value = fn();
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (!out[name] || ms < out[name]!.ms) out[name] = { ms, value };
    }
  }
  return out;
}

const parsed = parseKubernetes(text, 'bench.yaml').documents;
const results = race({
  floor: () => {
    let n = 0;
    yaml.loadAll(text, () => void n++);
    return n;
  },
  judged: () => {
    let denied = 0;
    for (const doc of parseKubernetes(text, 'bench.yaml').documents) {
      const r = evaluateWorkload(doc, { level: 'restricted', version: 'latest' });
      if (r && !r.allowed) denied++;
    }
    return denied;
  },
  judgeOnly: () => {
    let denied = 0;
    for (const doc of parsed) if (!evaluateWorkload(doc, { level: 'restricted', version: 'latest' })?.allowed) denied++;
    return denied;
  },
});
const floor = results.floor!;
const judged = results.judged!;
const judgeOnly = results.judgeOnly!;

const rate = (ms: number) => Math.round((N / ms) * 1000).toLocaleString('en-US');
console.log(`Pod Security Standards, ${N} Deployments in one stream (${(text.length / 1024 / 1024).toFixed(1)} MiB), best of 5`);
console.log(`  floor  js-yaml loadAll                 ${floor.ms.toFixed(0).padStart(6)} ms  ${rate(floor.ms)} docs/s`);
console.log(`  drydock parse + judge restricted      ${judged.ms.toFixed(0).padStart(6)} ms  ${rate(judged.ms)} docs/s  (${judged.value} denied)`);
console.log(`  of which judging alone                 ${judgeOnly.ms.toFixed(0).padStart(6)} ms  ${rate(judgeOnly.ms)} docs/s`);
console.log(`  ratio  ${(judged.ms / floor.ms).toFixed(2)}x the floor`);
