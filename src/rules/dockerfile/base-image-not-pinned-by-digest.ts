import { imageRef, type DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { fromIsImage, stageResource, wordTarget } from './support/dockerfile.js';

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-003',
    slug: 'base-image-not-pinned-by-digest',
    title: 'Base image not pinned by digest',
    severity: 'medium',
    appliesTo: ['dockerfile'],
    description: 'A tag can be moved to different content at any time; only a digest guarantees the build starts from the image that was reviewed and scanned.',
    remediation: 'Append the digest to the reference (`FROM debian:12@sha256:…`) and let a bot such as Renovate or Dependabot update it.',
    aliases: [],
    practice: 'P2',
    references: ['https://docs.docker.com/reference/dockerfile/#from', 'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions'],
    examples: {
      bad: ['FROM debian:12\nUSER app\n'],
      good: ['FROM debian:12@sha256:b877a1a3fdf02469440f1768cf69c9771338a875b7add5e80c45b756c92ac20a\nUSER app\n', 'FROM scratch\nCOPY app /app\n'],
    },
  },
  check(doc, ctx) {
    for (const stage of doc.stages) {
      if (!fromIsImage(stage) || !stage.imageWord) continue;
      if (imageRef(stage.image).digest) continue;
      ctx.report({
        message: `Base image "${stage.image}" is not pinned by digest.`,
        at: wordTarget(doc, stage.imageWord),
        resource: stageResource(doc, stage.index),
        fingerprintData: stage.image,
      });
    }
  },
});
