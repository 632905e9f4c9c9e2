import { WORKLOAD_KINDS, containersOf, podSpecOf, type KubeDocument } from '../../parsers/kubernetes/index.js';
import { defineRule } from '../types.js';
import { containerResource, isObj } from './support/workload.js';

/** Host paths that are dangerous themselves; mounting one of them exposes the node. */
const EXACT = new Set(['/', '/bin', '/dev', '/home', '/lib', '/lib64', '/sbin', '/sys', '/usr', '/var', '/var/lib', '/run', '/var/run']);
/** Host paths that are dangerous with everything below them. */
const SUBTREES = [
  '/etc', '/proc', '/root', '/var/lib/kubelet', '/var/lib/docker', '/var/lib/containerd', '/var/lib/crio',
  '/var/lib/etcd', '/var/lib/cni', '/opt/cni', '/sys/kernel', '/sys/firmware', '/boot',
];
/** Container runtime sockets, wherever they sit: whoever reaches one controls every container on the node. */
const RUNTIME_SOCKET = /(^|\/)(docker|containerd|crio|cri-dockerd|podman|dockershim)\.sock$/;
/** Sockets and state directories under /run that control the node: systemd through D-Bus, the runtimes. */
const CONTROL_SOCKET = /^\/(var\/)?run\/(dbus\/system_bus_socket|systemd\/private|containerd(\/.*)?|crio(\/.*)?|docker(\/.*)?)$/;

/**
 * Files under sensitive trees that workloads commonly read (CA bundles, time zone, machine id). Mounted
 * read-only they expose nothing secret; mounted writable they still let the container tamper with the
 * node, so they are reported then.
 */
const BENIGN_READ_ONLY = ['/etc/ssl/certs', '/etc/pki/tls/certs', '/etc/pki/ca-trust', '/etc/ca-certificates', '/etc/localtime', '/etc/timezone', '/etc/machine-id', '/etc/os-release'];

export function isBenignReadOnly(path: string): boolean {
  const p = normaliseHostPath(path);
  return BENIGN_READ_ONLY.some((b) => p === b || p.startsWith(`${b}/`));
}

/** Collapses `//`, `.` and `..` the way the kernel resolves the path (symlinks aside). */
export function normaliseHostPath(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

/** Why a host path is sensitive, or undefined when it is not. */
export function sensitiveReason(path: string): string | undefined {
  const p = normaliseHostPath(path);
  if (RUNTIME_SOCKET.test(p)) return 'a container runtime socket';
  if (CONTROL_SOCKET.test(p)) return 'a host control socket';
  if (EXACT.has(p)) return p === '/' ? "the node's root filesystem" : 'a host system directory';
  for (const s of SUBTREES) if (p === s || p.startsWith(`${s}/`)) return 'a host system directory';
  return undefined;
}

export default defineRule<KubeDocument>({
  meta: {
    id: 'K8S-032',
    slug: 'sensitive-host-path',
    title: 'Sensitive host path mounted',
    severity: 'high',
    appliesTo: ['kubernetes'],
    description: 'A hostPath volume on the container runtime socket or a system directory such as /, /etc, /proc, /var/run or /root hands the container the node: its credentials, its processes or every other container.',
    remediation: 'Remove the hostPath volume; use a ConfigMap, Secret, emptyDir or a CSI volume instead, and never mount the runtime socket into workloads.',
    aliases: ['KSV-0006', 'KSV006', 'AVD-KSV-0006', 'KSV-0121', 'KSV121', 'AVD-KSV-0121', 'CKV_K8S_27', 'docker-sock', 'sensitive-host-mounts', 'DockerSock'],
    practice: 'P7',
    references: ['https://kubernetes.io/docs/concepts/storage/volumes/#hostpath', 'https://kubernetes.io/docs/concepts/security/pod-security-standards/'],
    examples: {
      bad: [
        `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  containers:
    - name: app
      image: agent:1.0
      volumeMounts:
        - {name: sock, mountPath: /var/run/docker.sock}
  volumes:
    - name: sock
      hostPath:
        path: /var/run/docker.sock
`,
      ],
      good: [
        `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  containers:
    - name: app
      image: agent:1.0
      volumeMounts:
        - {name: logs, mountPath: /logs}
  volumes:
    - name: logs
      hostPath:
        path: /var/log/agent
`,
      ],
    },
  },
  objectKinds: WORKLOAD_KINDS,
  check(doc, ctx) {
    const pod = podSpecOf(doc);
    if (!pod) return;
    const volumes = pod.spec.volumes;
    if (!Array.isArray(volumes)) return;
    const containers = containersOf(pod);
    volumes.forEach((v, i) => {
      if (!isObj(v) || !isObj(v.hostPath) || typeof v.hostPath.path !== 'string') return;
      const path = v.hostPath.path;
      const reason = sensitiveReason(path);
      if (!reason) return;
      const pointer = [...pod.pointer, 'volumes', i, 'hostPath', 'path'];
      const volumeName = typeof v.name === 'string' ? v.name : `volumes[${i}]`;
      const mountsOf = (c: (typeof containers)[number]) =>
        (Array.isArray(c.container.volumeMounts) ? c.container.volumeMounts : []).filter((m): m is Record<string, unknown> => isObj(m) && m.name === v.name);
      const benign = isBenignReadOnly(path);
      // Benign files are reported only where a container mounts them writable.
      const mounting = containers.filter((c) => mountsOf(c).some((m) => !benign || m.readOnly !== true));
      if (benign && mounting.length === 0) return;
      if (mounting.length === 0) {
        // Unmounted today, but an ephemeral (debug) container can mount any volume of the pod later.
        ctx.report({
          message: `Volume "${volumeName}" declares host path "${path}", ${reason}; no container mounts it yet.`,
          at: { pointer },
          fingerprintData: `volume/${volumeName}`,
        });
        return;
      }
      for (const c of mounting) {
        ctx.report({
          message: `Container "${c.name}" mounts host path "${path}" (volume "${volumeName}"), ${reason}${benign ? ', writable' : ''}.`,
          at: { pointer },
          resource: containerResource(doc, c),
          fingerprintData: `volume/${volumeName}/${c.type}/${c.name}`,
        });
      }
    });
  },
});
