import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { fingerprintOf, resourceOf, wordTarget } from './support/dockerfile.js';

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-023',
    slug: 'expose-ssh-port',
    title: 'SSH port 22 exposed',
    severity: 'medium',
    appliesTo: ['dockerfile'],
    description: 'An SSH server in a container is an extra, long-lived way in with its own credentials to leak; containers are inspected with `docker exec` or `kubectl exec` instead.',
    remediation: 'Remove the SSH server and `EXPOSE 22`; use `docker exec` or `kubectl exec` for debugging.',
    aliases: ['DS-0004', 'DS004', 'AVD-DS-0004', 'CKV_DOCKER_1'],
    practice: 'P9',
    references: ['https://docs.docker.com/reference/dockerfile/#expose'],
    examples: { bad: ['FROM alpine:3.20\nEXPOSE 22\n'], good: ['FROM alpine:3.20\nEXPOSE 8080\n'] },
  },
  check(doc, ctx) {
    for (const ins of doc.instructions) {
      if (ins.keyword !== 'EXPOSE') continue;
      for (const w of ins.args) {
        const value = doc.expand(w.raw, ins);
        const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(value);
        if (!m || (m[3] && m[3].toLowerCase() !== 'tcp')) continue;
        const lo = Number(m[1]);
        const hi = m[2] ? Number(m[2]) : lo;
        if (lo > 22 || hi < 22) continue;
        ctx.report({
          message: `EXPOSE ${value} includes the SSH port 22.`,
          at: wordTarget(doc, w),
          resource: resourceOf(doc, ins),
          fingerprintData: fingerprintOf(doc, ins, value),
        });
      }
    }
  },
});
