import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { fingerprintOf, resourceOf, wordTarget } from './support/dockerfile.js';

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-008',
    slug: 'sudo-in-run',
    title: 'sudo used in RUN',
    severity: 'medium',
    appliesTo: ['dockerfile'],
    description: 'sudo in an image means a sudo binary and sudoers rules ship with it, a ready path back to root for anyone who gets a shell, and its TTY and signal handling misbehaves in builds.',
    remediation: 'Run the privileged steps before switching USER (or switch to root for them and back), and do not install sudo in the image.',
    aliases: ['DS-0010', 'DS010', 'AVD-DS-0010', 'DL3004', 'CKV2_DOCKER_1', 'DKL-DI-0001'],
    practice: 'P6',
    references: ['https://docs.docker.com/build/building/best-practices/#user'],
    examples: { bad: ['FROM debian:12\nRUN sudo apt-get install -y curl\n'], good: ['FROM debian:12\nRUN apt-get install -y curl\n'] },
  },
  check(doc, ctx) {
    for (const ins of doc.instructions) {
      if (ins.keyword !== 'RUN') continue;
      for (const c of doc.shell(ins).commands) {
        if (c.base !== 'sudo') continue;
        ctx.report({
          message: 'RUN uses sudo.',
          at: wordTarget(doc, c.nameWord),
          resource: resourceOf(doc, ins),
          fingerprintData: fingerprintOf(doc, ins, `${c.start - ins.start}`),
        });
      }
    }
  },
});
