import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseKubernetes, podSpecOf } from '../parsers/kubernetes/index.js';
import { passesEveryControlAtLatest } from './checks.js';
import { evaluatePod } from './evaluate.js';

type Obj = Record<string, unknown>;

/** What the fast test promises: a pod it passes is one PSA allows at restricted:latest. */
function judge(spec: Obj, meta: Obj): { fast: boolean; allowed: boolean; violations: string[] } {
  const fast = passesEveryControlAtLatest(spec, meta);
  const result = evaluatePod({ spec, metadata: meta }, { level: 'restricted', version: 'latest' });
  return { fast, allowed: result.allowed, violations: result.violations.map((v) => v.control) };
}

const hardenedContainer = (name: string): Obj => ({
  name,
  image: 'registry.example.com/app@sha256:' + 'a'.repeat(64),
  ports: [{ containerPort: 8080 }],
  livenessProbe: { httpGet: { path: '/healthz', port: 8080 } },
  securityContext: {
    allowPrivilegeEscalation: false,
    runAsNonRoot: true,
    runAsUser: 10001,
    capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
    seccompProfile: { type: 'RuntimeDefault' },
    readOnlyRootFilesystem: true,
  },
});

const hardened = (): { spec: Obj; meta: Obj } => ({
  spec: { containers: [hardenedContainer('app')], initContainers: [hardenedContainer('init')], volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }] },
  meta: { labels: { app: 'web' }, annotations: { note: 'x' } },
});

/** Each changes one thing of the hardened pod; every one makes some control fail. */
const breakers: Record<string, (p: { spec: Obj; meta: Obj }) => void> = {
  hostNetwork: (p) => (p.spec.hostNetwork = true),
  hostPID: (p) => (p.spec.hostPID = true),
  hostIPC: (p) => (p.spec.hostIPC = true),
  hostPathVolume: (p) => (p.spec.volumes = [{ name: 'h', hostPath: { path: '/' } }]),
  nfsVolume: (p) => (p.spec.volumes = [{ name: 'n', nfs: { server: 's', path: '/' } }]),
  privileged: (p) => (sc(p).privileged = true),
  escalation: (p) => (sc(p).allowPrivilegeEscalation = true),
  escalationUnset: (p) => delete sc(p).allowPrivilegeEscalation,
  noDropAll: (p) => (sc(p).capabilities = { drop: ['NET_RAW'] }),
  addsSysAdmin: (p) => (sc(p).capabilities = { drop: ['ALL'], add: ['SYS_ADMIN'] }),
  rootUser: (p) => (sc(p).runAsUser = 0),
  rootUserPod: (p) => (p.spec.securityContext = { runAsUser: 0 }),
  nonRootFalse: (p) => (sc(p).runAsNonRoot = false),
  nonRootUnset: (p) => delete sc(p).runAsNonRoot,
  seccompUnconfined: (p) => (sc(p).seccompProfile = { type: 'Unconfined' }),
  seccompUnset: (p) => delete sc(p).seccompProfile,
  podSeccompUnconfined: (p) => (p.spec.securityContext = { seccompProfile: { type: 'Unconfined' } }),
  hostPort: (p) => ((p.spec.containers as Obj[])[0]!.ports = [{ containerPort: 80, hostPort: 80 }]),
  probeHost: (p) => ((p.spec.containers as Obj[])[0]!.livenessProbe = { tcpSocket: { host: '10.0.0.1', port: 80 } }),
  lifecycleHost: (p) => ((p.spec.containers as Obj[])[0]!.lifecycle = { preStop: { httpGet: { host: 'example.com', port: 80 } } }),
  procMount: (p) => (sc(p).procMount = 'Unmasked'),
  seLinuxType: (p) => (sc(p).seLinuxOptions = { type: 'spc_t' }),
  appArmorField: (p) => (sc(p).appArmorProfile = { type: 'Unconfined' }),
  appArmorAnnotation: (p) => (p.meta.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' }),
  sysctl: (p) => (p.spec.securityContext = { sysctls: [{ name: 'kernel.msgmax', value: '1' }] }),
  hostProcess: (p) => (sc(p).windowsOptions = { hostProcess: true }),
  badEphemeral: (p) => (p.spec.ephemeralContainers = [{ name: 'debug', image: 'busybox' }]),
};

function sc(p: { spec: Obj }): Obj {
  return (p.spec.containers as Obj[])[0]!.securityContext as Obj;
}

describe('passesEveryControlAtLatest', () => {
  it('passes a hardened pod that PSA allows at restricted:latest', () => {
    const p = hardened();
    expect(judge(p.spec, p.meta)).toEqual({ fast: true, allowed: true, violations: [] });
  });

  it('passes a pod whose pod-level settings cover its containers', () => {
    const c = hardenedContainer('app');
    const csc = c.securityContext as Obj;
    delete csc.runAsNonRoot;
    delete csc.seccompProfile;
    const spec = { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } }, containers: [c] };
    expect(judge(spec, {})).toEqual({ fast: true, allowed: true, violations: [] });
  });

  for (const [name, breakIt] of Object.entries(breakers)) {
    it(`refuses a pod with ${name}, which a control denies`, () => {
      const p = hardened();
      breakIt(p);
      const r = judge(p.spec, p.meta);
      expect(r.fast).toBe(false);
      expect(r.allowed).toBe(false);
    });
  }

  it('leaves pods with exemptions or unusual shapes to the per-control checks', () => {
    const cases: Array<(p: { spec: Obj; meta: Obj }) => void> = [
      (p) => (p.spec.os = { name: 'windows' }),
      (p) => (p.spec.hostUsers = false),
      (p) => (p.spec.volumes = { cfg: {} }),
      (p) => (p.spec.containers = 'app'),
      (p) => (p.spec.containers = [null]),
      (p) => (p.spec.containers = []) && delete p.spec.initContainers,
      (p) => (p.spec.volumes = [{ name: 'empty' }]),
    ];
    for (const change of cases) {
      const p = hardened();
      change(p);
      expect(passesEveryControlAtLatest(p.spec, p.meta)).toBe(false);
    }
  });

  it('never passes a pod PSA denies, over thousands of generated pods', () => {
    // A seeded generator mixes the values each control cares about, good and bad, at both levels.
    let seed = 12345;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const pick = <T,>(xs: readonly T[]): T => xs[rand(xs.length)]!;
    const seccomps = [{ type: 'RuntimeDefault' }, { type: 'Localhost' }, { type: 'Unconfined' }, {}, 'RuntimeDefault', null];
    const caps = [{ drop: ['ALL'] }, { drop: ['ALL'], add: ['NET_BIND_SERVICE'] }, { drop: ['ALL'], add: ['CHOWN'] }, { drop: ['NET_RAW'] }, { add: ['NET_BIND_SERVICE'] }, {}, null, { drop: 'ALL' }];
    let fastCount = 0;
    let allowedCount = 0;
    const wrong: string[] = [];
    for (let n = 0; n < 6000; n++) {
      const container = (): Obj => {
        const s: Obj = {};
        // Mostly the hardened value, sometimes another (or none): pods near the boundary.
        const set = (k: string, good: unknown, others: readonly unknown[]) => {
          const v = rand(6) === 0 ? (rand(3) === 0 ? undefined : pick(others)) : good;
          if (v !== undefined) s[k] = v;
        };
        set('allowPrivilegeEscalation', false, [true, 'false', null]);
        set('privileged', undefined, [false, true, null]);
        set('runAsNonRoot', true, [false, null, 'true']);
        set('runAsUser', 10001, [0, 1, null, '0']);
        set('seccompProfile', { type: 'RuntimeDefault' }, seccomps);
        set('capabilities', { drop: ['ALL'] }, caps);
        set('procMount', undefined, ['Default', 'Unmasked', null]);
        const c: Obj = { name: `c${rand(3)}`, image: 'x' };
        if (rand(12) !== 0) c.securityContext = s;
        if (rand(6) === 0) c.ports = [{ containerPort: 80, ...(rand(2) ? { hostPort: pick([0, 80, null]) } : {}) }];
        if (rand(8) === 0) c.readinessProbe = { httpGet: { port: 80, ...(rand(2) ? { host: pick(['', 'h', null]) } : {}) } };
        return c;
      };
      const spec: Obj = { containers: Array.from({ length: 1 + rand(2) }, container) };
      if (rand(4) === 0) spec.initContainers = [container()];
      if (rand(3) === 0) {
        const psc: Obj = {};
        if (rand(2)) psc.runAsNonRoot = pick([true, false, null]);
        if (rand(2)) psc.seccompProfile = pick(seccomps);
        if (rand(4) === 0) psc.runAsUser = pick([0, 1000, null]);
        if (rand(10) === 0) psc.sysctls = pick([[], [{ name: 'kernel.shm_rmid_forced' }], [{ name: 'kernel.msgmax' }]]);
        spec.securityContext = psc;
      }
      if (rand(5) === 0) spec.volumes = [pick([{ name: 'a', emptyDir: {} }, { name: 'b', hostPath: { path: '/' } }, { name: 'c' }, { name: 'd', nfs: {} }, { name: 'e', emptyDir: null }])];
      if (rand(10) === 0) spec[pick(['hostNetwork', 'hostPID', 'hostIPC'])] = pick([true, false]);
      const r = judge(spec, {});
      if (r.fast) fastCount++;
      if (r.allowed) allowedCount++;
      if (r.fast && !r.allowed) wrong.push(`${JSON.stringify(spec)} -> ${r.violations.join(', ')}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    // The generator reaches both answers, and the fast test passes most of what PSA allows.
    expect(fastCount).toBeGreaterThan(200);
    expect(allowedCount - fastCount).toBeLessThan(allowedCount / 2);
  });
});

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const testdata = path.resolve(repoRoot, '..', 'shared', 'corpus', 'k8s-pod-security-admission', 'testdata');

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

describe.skipIf(!existsSync(testdata))('passesEveryControlAtLatest on the PSA fixtures', () => {
  it('passes no fixture that PSA denies at restricted:latest, and passes the restricted pass fixtures of the newest versions', () => {
    const wrong: string[] = [];
    let fast = 0;
    let files = 0;
    for (const file of yamlFiles(testdata)) {
      for (const doc of parseKubernetes(readFileSync(file, 'utf8'), file).documents) {
        const pod = podSpecOf(doc);
        if (!pod) continue;
        files++;
        const r = judge(pod.spec, pod.metadata);
        if (r.fast) fast++;
        if (r.fast && !r.allowed) wrong.push(`${file}: ${r.violations.join(', ')}`);
      }
    }
    expect(files).toBeGreaterThan(200);
    expect(wrong).toEqual([]);
    expect(fast).toBeGreaterThan(15);
  });
});
