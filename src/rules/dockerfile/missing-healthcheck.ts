import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { instructionTarget, stageChain, stageResource } from './support/dockerfile.js';

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-030',
    slug: 'missing-healthcheck',
    title: 'No HEALTHCHECK',
    severity: 'low',
    appliesTo: ['dockerfile'],
    description: 'Without a HEALTHCHECK, Docker and Compose cannot tell a hung or broken service from a healthy one, so it is neither restarted nor taken out of rotation.',
    remediation: 'Add a HEALTHCHECK to the final stage (`HEALTHCHECK CMD ["/app/healthcheck"]`), or `HEALTHCHECK NONE` where an orchestrator probes instead.',
    aliases: ['DS-0026', 'DS026', 'AVD-DS-0026', 'CKV_DOCKER_2', 'CIS-DI-0006'],
    practice: 'P12',
    references: ['https://docs.docker.com/reference/dockerfile/#healthcheck'],
    examples: {
      bad: ['FROM nginx:1.27\nUSER nginx\n'],
      good: ['FROM nginx:1.27\nHEALTHCHECK CMD curl -fs http://localhost/ || exit 1\nUSER nginx\n'],
    },
  },
  check(doc, ctx) {
    const final = doc.finalStage;
    if (!final) return;
    if (stageChain(doc, final).some((s) => s.instructions.some((i) => i.keyword === 'HEALTHCHECK'))) return;
    ctx.report({
      message: 'The final stage defines no HEALTHCHECK.',
      at: instructionTarget(doc, final.from),
      resource: stageResource(doc, final.index),
      fingerprintData: 'no HEALTHCHECK',
    });
  },
});
