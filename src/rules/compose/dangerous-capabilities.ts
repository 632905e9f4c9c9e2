import { capabilityName, type ComposeDocument } from '../../parsers/compose/index.js';
import { defineRule } from '../types.js';

/** Capabilities that are not in Docker's default set and hand over the host, by what they allow. */
const DANGEROUS: Record<string, string> = {
  ALL: 'every capability',
  SYS_ADMIN: 'mounts, namespaces and most of the kernel administration (a known container escape)',
  SYS_MODULE: 'loading kernel modules',
  SYS_RAWIO: 'raw I/O on host devices and memory',
  SYS_PTRACE: 'tracing and injecting code into other processes',
  DAC_READ_SEARCH: 'reading any file by handle, bypassing permissions (the "shocker" escape)',
  NET_ADMIN: 'reconfiguring interfaces, routes and firewall rules',
  BPF: 'loading eBPF programs into the kernel',
  PERFMON: 'kernel performance monitoring and eBPF tracing',
  SYS_BOOT: 'rebooting the host',
  SYS_TIME: 'setting the host clock',
  MAC_ADMIN: 'changing the mandatory access control policy',
  MAC_OVERRIDE: 'bypassing the mandatory access control policy',
  LINUX_IMMUTABLE: 'changing immutable and append-only file attributes',
  SYSLOG: 'reading and clearing the kernel log',
  AUDIT_CONTROL: 'changing the kernel audit rules',
  CHECKPOINT_RESTORE: 'checkpoint and restore of other processes',
};
const CRITICAL = new Set(['ALL', 'SYS_ADMIN', 'SYS_MODULE', 'SYS_RAWIO']);

export default defineRule<ComposeDocument>({
  meta: {
    id: 'DC-002',
    slug: 'dangerous-capabilities',
    title: 'Service adds a dangerous capability',
    severity: 'high',
    appliesTo: ['compose'],
    description:
      'Capabilities such as SYS_ADMIN, SYS_MODULE, SYS_PTRACE or NET_ADMIN let a compromised container reach into the kernel, other processes or the host network.',
    remediation: 'Remove the capability from cap_add; if one is truly needed, add only that one and drop ALL the others.',
    aliases: [],
    practice: 'P7',
    references: ['https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities', 'https://man7.org/linux/man-pages/man7/capabilities.7.html'],
    examples: {
      bad: ['services:\n  vpn:\n    image: wireguard:1.0\n    cap_add:\n      - NET_ADMIN\n      - SYS_MODULE\n'],
      good: ['services:\n  web:\n    image: nginx:1.27\n    cap_drop: [ALL]\n    cap_add: [NET_BIND_SERVICE]\n'],
    },
  },
  check(doc, ctx) {
    for (const cap of doc.service.capAdd) {
      if (cap.text === undefined) continue;
      const name = capabilityName(cap.text);
      const what = DANGEROUS[name];
      if (!what) continue;
      ctx.report({
        message: `Service "${doc.service.name}" adds capability ${name}: ${what}.`,
        at: { pointer: cap.pointer },
        severity: CRITICAL.has(name) ? 'critical' : 'high',
        fingerprintData: `cap_add/${name}`,
        properties: { capability: name },
      });
    }
  },
});
