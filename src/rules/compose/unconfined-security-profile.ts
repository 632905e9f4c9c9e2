import type { ComposeDocument } from '../../parsers/compose/index.js';
import { defineRule } from '../types.js';

/** security_opt values (separator normalised to ':') that switch a confinement off. */
const UNCONFINED: Record<string, string> = {
  'seccomp:unconfined': 'disables the seccomp system-call filter',
  'apparmor:unconfined': 'disables the AppArmor profile',
  'label:disable': 'disables SELinux labelling',
  'label:type:spc_t': 'runs under the SELinux super-privileged container type',
  'label:type:unconfined_t': 'runs under the unconfined SELinux type',
  'systempaths:unconfined': 'unmasks /proc and /sys paths that Docker hides',
};

export default defineRule<ComposeDocument>({
  meta: {
    id: 'DC-004',
    slug: 'unconfined-security-profile',
    title: 'security_opt switches off seccomp, AppArmor or SELinux',
    severity: 'high',
    appliesTo: ['compose'],
    description:
      'seccomp, AppArmor and SELinux limit what a compromised process can ask of the kernel; unconfined profiles remove that layer of defence.',
    remediation: 'Remove the unconfined security_opt entry, or point seccomp or AppArmor at a custom profile that allows only what the service needs.',
    aliases: [],
    practice: 'P7',
    references: ['https://docs.docker.com/reference/compose-file/services/#security_opt', 'https://docs.docker.com/engine/security/seccomp/', 'https://docs.docker.com/engine/security/apparmor/'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    security_opt:\n      - seccomp:unconfined\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    security_opt:\n      - no-new-privileges:true\n'],
    },
  },
  check(doc, ctx) {
    for (const opt of doc.service.securityOpt) {
      if (opt.text === undefined) continue;
      const key = opt.text.trim().toLowerCase().replace(/\s+/g, '').replace(/=/g, ':');
      const what = UNCONFINED[key];
      if (!what) continue;
      ctx.report({
        message: `Service "${doc.service.name}" sets security_opt "${opt.text.trim()}", which ${what}.`,
        at: { pointer: opt.pointer },
        fingerprintData: `security_opt/${key}`,
      });
    }
  },
});
