import { imageRef, type DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { fromIsImage, stageResource, wordTarget } from './support/dockerfile.js';

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-002',
    slug: 'base-image-latest-tag',
    title: 'Base image is untagged or latest',
    severity: 'medium',
    appliesTo: ['dockerfile'],
    description: 'An untagged or `latest` base image changes under the build without notice, so the same Dockerfile yields different, unreviewed images.',
    remediation: 'Name an explicit version tag, and preferably pin it by digest: `FROM debian:12.7@sha256:…`.',
    aliases: ['DS-0001', 'DS001', 'AVD-DS-0001', 'DL3006', 'DL3007', 'CKV_DOCKER_7', 'DKL-DI-0006'],
    practice: 'P2',
    references: ['https://docs.docker.com/reference/dockerfile/#from', 'https://docs.docker.com/build/building/best-practices/#from'],
    examples: { bad: ['FROM debian:latest\nUSER app\n', 'FROM debian\nUSER app\n'], good: ['FROM debian:12\nUSER app\n'] },
  },
  check(doc, ctx) {
    for (const stage of doc.stages) {
      if (!fromIsImage(stage) || !stage.imageWord) continue;
      const ref = imageRef(stage.image);
      if (ref.digest) continue;
      if (ref.tag !== undefined && ref.tag !== 'latest') continue;
      ctx.report({
        message: ref.tag === 'latest' ? `Base image "${stage.image}" uses the latest tag.` : `Base image "${stage.image}" has no tag, so it means latest.`,
        at: wordTarget(doc, stage.imageWord),
        resource: stageResource(doc, stage.index),
        fingerprintData: stage.image,
      });
    }
  },
});
