import { describe, expect, it } from 'vitest';
import { checksFor, effectiveMinor, evaluateControl, evaluatePod, parsePssVersion, summarize } from './evaluate.js';
import { LATEST_MINOR } from './checks.js';
import type { PssControl, PssLevel } from './types.js';

type Obj = Record<string, any>;

/** A pod that passes restricted at every version: the shape of PSA's own minimal valid pod. */
function restrictedPod(): { metadata: Obj; spec: Obj } {
  const sc = () => ({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
  return {
    metadata: { name: 'p' },
    spec: {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      initContainers: [{ name: 'init', image: 'busybox', securityContext: sc() }],
      containers: [{ name: 'app', image: 'nginx', securityContext: sc() }],
    },
  };
}

function basePod(): { metadata: Obj; spec: Obj } {
  return { metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'nginx' }] } };
}

function controls(pod: { metadata: Obj; spec: Obj }, level: PssLevel, version: number | 'latest' = 'latest'): string[] {
  return evaluatePod(pod, { level, version }).violations.map((v) => v.control);
}

interface Case {
  name: string;
  level: PssLevel;
  version?: number | 'latest';
  mutate: (pod: { metadata: Obj; spec: Obj }) => void;
  /** Expected control, or null when the pod must be allowed. */
  control: PssControl | null;
  message?: string;
  /** Expected fields, relative to spec/metadata. */
  fields?: Array<Array<string | number>>;
}

const app = (p: { spec: Obj }) => p.spec.containers[0];
const userNamespaceWithoutNonRoot = (p: { spec: Obj }) => {
  p.spec.hostUsers = false;
  delete p.spec.securityContext.runAsNonRoot;
};
const init = (p: { spec: Obj }) => p.spec.initContainers[0];

const cases: Case[] = [
  // windowsHostProcess
  {
    name: 'hostProcess on a container',
    level: 'baseline',
    mutate: (p) => (app(p).securityContext = { windowsOptions: { hostProcess: true } }),
    control: 'windowsHostProcess',
    message: 'hostProcess (container "app" must not set securityContext.windowsOptions.hostProcess=true)',
    fields: [['containers', 0, 'securityContext', 'windowsOptions', 'hostProcess']],
  },
  {
    name: 'hostProcess on pod and container',
    level: 'baseline',
    mutate: (p) => {
      p.spec.securityContext = { windowsOptions: { hostProcess: true } };
      app(p).securityContext = { windowsOptions: { hostProcess: true } };
    },
    control: 'windowsHostProcess',
    message: 'hostProcess (pod and container "app" must not set securityContext.windowsOptions.hostProcess=true)',
  },
  { name: 'hostProcess false', level: 'baseline', mutate: (p) => (app(p).securityContext = { windowsOptions: { hostProcess: false } }), control: null },
  // hostNamespaces
  {
    name: 'host namespaces in PSA order',
    level: 'baseline',
    mutate: (p) => Object.assign(p.spec, { hostIPC: true, hostPID: true, hostNetwork: true }),
    control: 'hostNamespaces',
    message: 'host namespaces (hostNetwork=true, hostPID=true, hostIPC=true)',
    fields: [['hostNetwork'], ['hostPID'], ['hostIPC']],
  },
  { name: 'host namespaces false', level: 'baseline', mutate: (p) => Object.assign(p.spec, { hostNetwork: false }), control: null },
  // privileged
  {
    name: 'two privileged containers',
    level: 'baseline',
    mutate: (p) => {
      p.spec.initContainers = [{ name: 'init', securityContext: { privileged: true } }];
      app(p).securityContext = { privileged: true };
    },
    control: 'privileged',
    message: 'privileged (containers "init", "app" must not set securityContext.privileged=true)',
    fields: [
      ['initContainers', 0, 'securityContext', 'privileged'],
      ['containers', 0, 'securityContext', 'privileged'],
    ],
  },
  // capabilities_baseline
  {
    name: 'non-default capabilities, sorted',
    level: 'baseline',
    mutate: (p) => (app(p).securityContext = { capabilities: { add: ['SYS_TIME', 'CHOWN', 'NET_ADMIN'] } }),
    control: 'capabilities_baseline',
    message: 'non-default capabilities (container "app" must not include "NET_ADMIN", "SYS_TIME" in securityContext.capabilities.add)',
    fields: [
      ['containers', 0, 'securityContext', 'capabilities', 'add', 0],
      ['containers', 0, 'securityContext', 'capabilities', 'add', 2],
    ],
  },
  { name: 'default capabilities', level: 'baseline', mutate: (p) => (app(p).securityContext = { capabilities: { add: ['CHOWN', 'KILL'] } }), control: null },
  // hostPathVolumes
  {
    name: 'hostPath volumes keep their order',
    level: 'baseline',
    mutate: (p) => (p.spec.volumes = [{ name: 'z', hostPath: { path: '/' } }, { name: 'e', emptyDir: {} }, { name: 'a', hostPath: { path: '/a' } }]),
    control: 'hostPathVolumes',
    message: 'hostPath volumes (volumes "z", "a")',
    fields: [['volumes', 0, 'hostPath'], ['volumes', 2, 'hostPath']],
  },
  // hostPorts
  {
    name: 'host ports',
    level: 'baseline',
    mutate: (p) => (app(p).ports = [{ containerPort: 80, hostPort: 8080 }, { containerPort: 81 }, { containerPort: 90, hostPort: 90 }]),
    control: 'hostPorts',
    message: 'hostPort (container "app" uses hostPorts 8080, 90)',
    fields: [['containers', 0, 'ports', 0, 'hostPort'], ['containers', 0, 'ports', 2, 'hostPort']],
  },
  { name: 'hostPort 0', level: 'baseline', mutate: (p) => (app(p).ports = [{ containerPort: 80, hostPort: 0 }]), control: null },
  // appArmorProfile
  {
    name: 'AppArmor annotation',
    level: 'baseline',
    mutate: (p) => (p.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' }),
    control: 'appArmorProfile',
    message: 'forbidden AppArmor profile (annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/app="unconfined"")',
    fields: [['annotations', 'container.apparmor.security.beta.kubernetes.io/app']],
  },
  {
    name: 'AppArmor field on the pod',
    level: 'baseline',
    version: 0,
    mutate: (p) => (p.spec.securityContext = { appArmorProfile: { type: 'Unconfined' } }),
    control: 'appArmorProfile',
    message: 'forbidden AppArmor profile (pod must not set AppArmor profile type to "Unconfined")',
  },
  {
    name: 'AppArmor allowed values',
    level: 'baseline',
    mutate: (p) => {
      p.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'localhost/x' };
      app(p).securityContext = { appArmorProfile: { type: 'Localhost', localhostProfile: 'x' } };
    },
    control: null,
  },
  // seLinuxOptions
  {
    name: 'SELinux type and user',
    level: 'baseline',
    mutate: (p) => (app(p).securityContext = { seLinuxOptions: { type: 'spc_t', user: 'u' } }),
    control: 'seLinuxOptions',
    message: 'seLinuxOptions (container "app" set forbidden securityContext.seLinuxOptions: type "spc_t"; user may not be set)',
  },
  {
    name: 'SELinux role alone',
    level: 'baseline',
    mutate: (p) => (p.spec.securityContext = { seLinuxOptions: { role: 'r' } }),
    control: 'seLinuxOptions',
    message: 'seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: role may not be set)',
  },
  { name: 'container_engine_t before 1.31', level: 'baseline', version: 30, mutate: (p) => (app(p).securityContext = { seLinuxOptions: { type: 'container_engine_t' } }), control: 'seLinuxOptions' },
  { name: 'container_engine_t from 1.31', level: 'baseline', version: 31, mutate: (p) => (app(p).securityContext = { seLinuxOptions: { type: 'container_engine_t' } }), control: null },
  // procMount
  {
    name: 'Unmasked /proc',
    level: 'baseline',
    mutate: (p) => (app(p).securityContext = { procMount: 'Unmasked' }),
    control: 'procMount',
    message: 'procMount (container "app" must not set securityContext.procMount to "Unmasked")',
  },
  {
    name: 'Unmasked in a user namespace at 1.34',
    level: 'baseline',
    version: 34,
    mutate: (p) => {
      p.spec.hostUsers = false;
      app(p).securityContext = { procMount: 'Unmasked' };
    },
    control: 'procMount',
  },
  {
    name: 'Unmasked in a user namespace at 1.35 (baseline)',
    level: 'baseline',
    version: 35,
    mutate: (p) => {
      p.spec.hostUsers = false;
      app(p).securityContext = { procMount: 'Unmasked' };
    },
    control: null,
  },
  // seccompProfile_baseline
  {
    name: 'seccomp annotations before 1.19',
    level: 'baseline',
    version: 18,
    mutate: (p) => (p.metadata.annotations = { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined', 'container.seccomp.security.alpha.kubernetes.io/app': 'localhost/x' }),
    control: 'seccompProfile_baseline',
    message: 'seccompProfile (forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined")',
  },
  { name: 'seccomp annotations are ignored from 1.19', level: 'baseline', version: 19, mutate: (p) => (p.metadata.annotations = { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' }), control: null },
  { name: 'seccomp field is ignored before 1.19', level: 'baseline', version: 18, mutate: (p) => (p.spec.securityContext = { seccompProfile: { type: 'Unconfined' } }), control: null },
  {
    name: 'seccomp field from 1.19',
    level: 'baseline',
    version: 19,
    mutate: (p) => {
      p.spec.securityContext = { seccompProfile: { type: 'Unconfined' } };
      app(p).securityContext = { seccompProfile: { type: 'Unconfined' } };
    },
    control: 'seccompProfile_baseline',
    message: 'seccompProfile (pod and container "app" must not set securityContext.seccompProfile.type to "Unconfined")',
  },
  // sysctls
  {
    name: 'unsafe sysctls keep their order',
    level: 'baseline',
    mutate: (p) => (p.spec.securityContext = { sysctls: [{ name: 'vm.b', value: '1' }, { name: 'kernel.shm_rmid_forced', value: '1' }, { name: 'a.x', value: '1' }] }),
    control: 'sysctls',
    message: 'forbidden sysctls (vm.b, a.x)',
    fields: [['securityContext', 'sysctls', 0, 'name'], ['securityContext', 'sysctls', 2, 'name']],
  },
  { name: 'ip_local_reserved_ports before 1.27', level: 'baseline', version: 26, mutate: (p) => (p.spec.securityContext = { sysctls: [{ name: 'net.ipv4.ip_local_reserved_ports' }] }), control: 'sysctls' },
  { name: 'ip_local_reserved_ports from 1.27', level: 'baseline', version: 27, mutate: (p) => (p.spec.securityContext = { sysctls: [{ name: 'net.ipv4.ip_local_reserved_ports' }] }), control: null },
  { name: 'tcp_keepalive_time before 1.29', level: 'baseline', version: 28, mutate: (p) => (p.spec.securityContext = { sysctls: [{ name: 'net.ipv4.tcp_keepalive_time' }] }), control: 'sysctls' },
  { name: 'tcp_keepalive_time from 1.29', level: 'baseline', version: 29, mutate: (p) => (p.spec.securityContext = { sysctls: [{ name: 'net.ipv4.tcp_keepalive_time' }] }), control: null },
  { name: 'tcp_rmem before 1.32', level: 'baseline', version: 31, mutate: (p) => (p.spec.securityContext = { sysctls: [{ name: 'net.ipv4.tcp_rmem' }] }), control: 'sysctls' },
  { name: 'tcp_rmem from 1.32', level: 'baseline', version: 32, mutate: (p) => (p.spec.securityContext = { sysctls: [{ name: 'net.ipv4.tcp_rmem' }] }), control: null },
  { name: 'tcp_notsent_lowat before 1.37', level: 'baseline', version: 36, mutate: (p) => (p.spec.securityContext = { sysctls: [{ name: 'net.ipv4.tcp_notsent_lowat' }] }), control: 'sysctls' },
  { name: 'tcp_notsent_lowat from 1.37', level: 'baseline', version: 37, mutate: (p) => (p.spec.securityContext = { sysctls: [{ name: 'net.ipv4.tcp_notsent_lowat' }] }), control: null },
  // hostProbesAndHostLifecycle
  { name: 'probe host before 1.34', level: 'baseline', version: 33, mutate: (p) => (app(p).livenessProbe = { httpGet: { host: 'x', port: 80 } }), control: null },
  {
    name: 'probe and lifecycle hosts from 1.34',
    level: 'baseline',
    version: 34,
    mutate: (p) => {
      app(p).livenessProbe = { httpGet: { host: 'b.example', port: 80 } };
      app(p).lifecycle = { preStop: { tcpSocket: { host: 'a.example', port: 80 } } };
    },
    control: 'hostProbesAndHostLifecycle',
    message: 'probe or lifecycle host (container "app" uses probe or lifecycle hosts "a.example", "b.example")',
    fields: [
      ['containers', 0, 'livenessProbe', 'httpGet', 'host'],
      ['containers', 0, 'lifecycle', 'preStop', 'tcpSocket', 'host'],
    ],
  },
  { name: 'empty probe host', level: 'baseline', mutate: (p) => (app(p).readinessProbe = { httpGet: { host: '', port: 80 } }), control: null },
];

const restrictedCases: Case[] = [
  // restrictedVolumes
  {
    name: 'restricted volume types',
    level: 'restricted',
    mutate: (p) => (p.spec.volumes = [{ name: 'n', nfs: { server: 's', path: '/' } }, { name: 'i', image: { reference: 'x' } }, { name: 'h', hostPath: { path: '/' } }, { name: 'd' }]),
    control: 'restrictedVolumes',
    message: 'restricted volume types (volumes "n", "h" use restricted volume types "hostPath", "nfs")',
    fields: [['volumes', 0, 'nfs'], ['volumes', 2, 'hostPath']],
  },
  // allowPrivilegeEscalation
  { name: 'allowPrivilegeEscalation not checked before 1.8', level: 'restricted', version: 7, mutate: (p) => delete app(p).securityContext.allowPrivilegeEscalation, control: null },
  {
    name: 'allowPrivilegeEscalation unset',
    level: 'restricted',
    version: 8,
    mutate: (p) => delete app(p).securityContext.allowPrivilegeEscalation,
    control: 'allowPrivilegeEscalation',
    message: 'allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false)',
    fields: [['containers', 0, 'securityContext']],
  },
  // runAsNonRoot
  {
    name: 'runAsNonRoot false on a container',
    level: 'restricted',
    mutate: (p) => (init(p).securityContext.runAsNonRoot = false),
    control: 'runAsNonRoot',
    message: 'runAsNonRoot != true (container "init" must not set securityContext.runAsNonRoot=false)',
  },
  {
    name: 'runAsNonRoot unset',
    level: 'restricted',
    mutate: (p) => delete p.spec.securityContext.runAsNonRoot,
    control: 'runAsNonRoot',
    message: 'runAsNonRoot != true (pod or containers "init", "app" must set securityContext.runAsNonRoot=true)',
  },
  { name: 'runAsNonRoot still required for user namespaces at 1.34', level: 'restricted', version: 34, mutate: (p) => userNamespaceWithoutNonRoot(p), control: 'runAsNonRoot' },
  { name: 'runAsNonRoot relaxed for user namespaces from 1.35', level: 'restricted', version: 35, mutate: (p) => userNamespaceWithoutNonRoot(p), control: null },
  // runAsUser
  { name: 'runAsUser 0 before 1.23', level: 'restricted', version: 22, mutate: (p) => (app(p).securityContext.runAsUser = 0), control: null },
  {
    name: 'runAsUser 0 from 1.23',
    level: 'restricted',
    version: 23,
    mutate: (p) => {
      p.spec.securityContext.runAsUser = 0;
      app(p).securityContext.runAsUser = 0;
    },
    control: 'runAsUser',
    message: 'runAsUser=0 (pod and container "app" must not set runAsUser=0)',
  },
  {
    name: 'runAsUser 0 in a user namespace from 1.35',
    level: 'restricted',
    version: 35,
    mutate: (p) => {
      p.spec.hostUsers = false;
      app(p).securityContext.runAsUser = 0;
    },
    control: null,
  },
  // seccompProfile_restricted
  {
    name: 'seccomp missing',
    level: 'restricted',
    mutate: (p) => delete p.spec.securityContext.seccompProfile,
    control: 'seccompProfile_restricted',
    message: 'seccompProfile (pod or containers "init", "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
  },
  { name: 'seccomp not required before 1.19', level: 'restricted', version: 18, mutate: (p) => delete p.spec.securityContext.seccompProfile, control: null },
  // capabilities_restricted
  {
    name: 'capabilities not dropped and added',
    level: 'restricted',
    mutate: (p) => (app(p).securityContext.capabilities = { drop: ['NET_RAW'], add: ['NET_BIND_SERVICE', 'CHOWN'] }),
    control: 'capabilities_restricted',
    message: 'unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]; container "app" must not include "CHOWN" in securityContext.capabilities.add)',
  },
  { name: 'drop ALL not required before 1.22', level: 'restricted', version: 21, mutate: (p) => delete app(p).securityContext.capabilities, control: null },
  // procMount_restricted
  {
    name: 'Unmasked in a user namespace stays forbidden under restricted from 1.35',
    level: 'restricted',
    version: 35,
    mutate: (p) => {
      p.spec.hostUsers = false;
      app(p).securityContext.procMount = 'Unmasked';
    },
    control: 'procMount_restricted',
    message: 'procMount (container "app" must not set securityContext.procMount to "Unmasked")',
  },
  // Windows pods: exempt from three restricted checks from 1.25
  {
    name: 'Windows pod before 1.25',
    level: 'restricted',
    version: 24,
    mutate: (p) => {
      p.spec.os = { name: 'windows' };
      delete p.spec.securityContext.seccompProfile;
    },
    control: 'seccompProfile_restricted',
  },
  {
    name: 'Windows pod from 1.25',
    level: 'restricted',
    version: 25,
    mutate: (p) => {
      p.spec = { os: { name: 'windows' }, securityContext: { runAsNonRoot: true }, containers: [{ name: 'app' }] };
    },
    control: null,
  },
];

describe('evaluatePod: one case per control and per version boundary', () => {
  for (const c of cases) {
    it(c.name, () => {
      const pod = basePod();
      c.mutate(pod);
      const result = evaluatePod(pod, { level: c.level, version: c.version ?? 'latest' });
      if (c.control === null) {
        expect(result.violations.map((v) => v.message)).toEqual([]);
        expect(result.allowed).toBe(true);
        return;
      }
      expect(result.allowed).toBe(false);
      expect(result.violations.map((v) => v.control)).toEqual([c.control]);
      if (c.message) expect(result.violations[0]!.message).toBe(c.message);
      if (c.fields) expect(result.violations[0]!.fields.map((f) => f.path)).toEqual(c.fields);
    });
  }
  for (const c of restrictedCases) {
    it(c.name, () => {
      const pod = restrictedPod();
      c.mutate(pod);
      const result = evaluatePod(pod, { level: c.level, version: c.version ?? 'latest' });
      if (c.control === null) {
        expect(result.violations.map((v) => v.message)).toEqual([]);
        return;
      }
      expect(result.violations.map((v) => v.control)).toEqual([c.control]);
      if (c.message) expect(result.violations[0]!.message).toBe(c.message);
      if (c.fields) expect(result.violations[0]!.fields.map((f) => f.path)).toEqual(c.fields);
    });
  }
});

describe('levels, overrides and versions', () => {
  it('the restricted minimal pod passes every version and baseline allows the bare pod', () => {
    for (let v = 0; v <= LATEST_MINOR; v++) {
      expect(controls(restrictedPod(), 'restricted', v)).toEqual([]);
      expect(controls(basePod(), 'baseline', v)).toEqual([]);
    }
  });

  it('restricted includes baseline, and restricted checks replace their baseline twins', () => {
    const pod = restrictedPod();
    pod.spec.hostPID = true;
    pod.spec.volumes = [{ name: 'h', hostPath: { path: '/' } }];
    app(pod).securityContext.capabilities = { drop: ['ALL'], add: ['SYS_ADMIN'] };
    expect(controls(pod, 'restricted')).toEqual(['capabilities_restricted', 'hostNamespaces', 'restrictedVolumes']);
    expect(controls(pod, 'baseline')).toEqual(['capabilities_baseline', 'hostNamespaces', 'hostPathVolumes']);
    // before 1.22 the baseline capabilities check still runs under restricted
    expect(controls(pod, 'restricted', 21)).toEqual(['capabilities_baseline', 'hostNamespaces', 'restrictedVolumes']);
  });

  it('procMount_restricted replaces procMount from 1.35', () => {
    const pod = restrictedPod();
    app(pod).securityContext.procMount = 'Unmasked';
    expect(controls(pod, 'restricted', 34)).toEqual(['procMount']);
    expect(controls(pod, 'restricted', 35)).toEqual(['procMount_restricted']);
    expect(checksFor('restricted', 35).map((c) => c.id)).not.toContain('procMount');
  });

  it('parses and clamps versions as PSA does', () => {
    expect(parsePssVersion('latest')).toBe('latest');
    expect(parsePssVersion('v1.0')).toBe(0);
    expect(parsePssVersion('v1.37')).toBe(37);
    for (const bad of ['1.30', 'v2.0', 'v1.', 'v1.01', 'v1.-1', 'Latest']) expect(parsePssVersion(bad)).toBeUndefined();
    expect(effectiveMinor(99)).toBe(LATEST_MINOR);
    expect(effectiveMinor('latest')).toBe(LATEST_MINOR);
  });

  it('evaluates a single control on its own and summarizes like PSA', () => {
    const pod = basePod();
    app(pod).securityContext = { privileged: true };
    expect(evaluateControl(pod, 'privileged')?.detail).toBe('container "app" must not set securityContext.privileged=true');
    expect(evaluateControl(pod, 'hostPorts')).toBeUndefined();
    const result = evaluatePod(pod, { level: 'baseline' });
    expect(summarize(result, { level: 'baseline' })).toBe('violates PodSecurity "baseline:latest": privileged (container "app" must not set securityContext.privileged=true)');
  });

  it('survives values of the wrong type', () => {
    const hostile = { metadata: 'x', spec: { containers: [null, 1, 'a', { name: 5, securityContext: { privileged: 'true', capabilities: { add: 'SYS_ADMIN' } }, ports: 'x' }], volumes: {}, securityContext: { sysctls: [null, {}] } } };
    const result = evaluatePod(hostile as never, { level: 'restricted' });
    expect(result.allowed).toBe(false);
    expect(() => evaluatePod({ spec: null }, { level: 'restricted' })).not.toThrow();
  });
});
