import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { instructionTarget, isRootUser, stageChain, stageResource, wordTarget } from './support/dockerfile.js';

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-001',
    slug: 'final-stage-runs-as-root',
    title: 'Image runs as root',
    severity: 'high',
    appliesTo: ['dockerfile'],
    description: 'A container that runs as root turns any code-execution bug into root inside the container and one kernel or runtime flaw away from root on the host.',
    remediation: 'Create an unprivileged user (e.g. `RUN useradd -r -u 10001 app`) and end the final stage with `USER 10001`.',
    aliases: ['DS-0002', 'DS002', 'AVD-DS-0002', 'DL3002', 'CKV_DOCKER_3', 'CKV_DOCKER_8', 'CIS-DI-0001'],
    practice: 'P6',
    references: ['https://docs.docker.com/reference/dockerfile/#user', 'https://docs.docker.com/build/building/best-practices/#user'],
    examples: {
      bad: ['FROM debian:12\nRUN echo hi\n', 'FROM debian:12\nUSER app\nUSER root\n'],
      good: ['FROM debian:12\nRUN useradd -r app\nUSER app\n'],
    },
  },
  check(doc, ctx) {
    const final = doc.finalStage;
    if (!final) return;
    for (const stage of stageChain(doc, final)) {
      for (let i = stage.instructions.length - 1; i >= 0; i--) {
        const ins = stage.instructions[i]!;
        if (ins.keyword !== 'USER') continue;
        const word = ins.args[0];
        const value = word ? doc.expand(word.raw, ins) : '';
        if (value === '' || !isRootUser(value)) return;
        ctx.report({
          message: `The final stage ends with USER ${value.slice(0, 40)}: the container runs as root.`,
          at: word ? wordTarget(doc, word) : instructionTarget(doc, ins),
          resource: stageResource(doc, final.index),
          fingerprintData: 'USER',
        });
        return;
      }
    }
    ctx.report({
      message: 'The final stage sets no USER: the container runs as root.',
      at: instructionTarget(doc, final.from),
      resource: stageResource(doc, final.index),
      fingerprintData: 'no USER',
    });
  },
});
