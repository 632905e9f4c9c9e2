import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { fingerprintOf, instructionTarget, resourceOf } from './support/dockerfile.js';

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-031',
    slug: 'maintainer-deprecated',
    title: 'Deprecated MAINTAINER',
    severity: 'info',
    appliesTo: ['dockerfile'],
    description: 'MAINTAINER is deprecated and not part of the OCI image metadata tools read; ownership belongs in a label so scanners and registries can show it.',
    remediation: 'Replace it with `LABEL org.opencontainers.image.authors="team@example.com"`.',
    aliases: ['DS-0022', 'DS022', 'AVD-DS-0022', 'DL4000', 'CKV_DOCKER_6'],
    practice: 'P1',
    references: ['https://docs.docker.com/reference/dockerfile/#maintainer-deprecated', 'https://github.com/opencontainers/image-spec/blob/main/annotations.md'],
    examples: {
      bad: ['FROM alpine:3.20\nMAINTAINER Jane <jane@example.com>\n'],
      good: ['FROM alpine:3.20\nLABEL org.opencontainers.image.authors="jane@example.com"\n'],
    },
  },
  check(doc, ctx) {
    for (const ins of doc.instructions) {
      if (ins.keyword !== 'MAINTAINER') continue;
      ctx.report({
        message: 'MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors.',
        at: instructionTarget(doc, ins),
        resource: resourceOf(doc, ins),
        fingerprintData: fingerprintOf(doc, ins),
      });
    }
  },
});
