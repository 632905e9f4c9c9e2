import { imageRef, type DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { registryAllows } from '../kubernetes/image-registry-not-allowed.js';
import { defineRule } from '../types.js';
import { fromIsImage, stageResource, wordTarget } from './support/dockerfile.js';

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-004',
    slug: 'base-image-registry-not-allowed',
    title: 'Base image from a registry outside the allowlist',
    severity: 'medium',
    appliesTo: ['dockerfile'],
    description: 'Base images from registries the team does not control or vet bypass its scanning, signing and provenance checks.',
    remediation: 'Mirror the base image into an allowed registry and build from there, or add the registry to rules.allowedRegistries in drydock.yaml.',
    aliases: ['DL3026'],
    practice: 'P2',
    references: ['https://docs.docker.com/reference/dockerfile/#from', 'https://docs.docker.com/docker-hub/image-library/trusted-content/'],
    examples: {
      // The rule is silent until allowedRegistries is configured.
      settings: { allowedRegistries: ['registry.example.com/platform'] },
      bad: ['FROM debian:12\nUSER app\n'],
      good: ['FROM registry.example.com/platform/debian:12\nUSER app\n'],
    },
  },
  check(doc, ctx) {
    const allowed = ctx.settings.allowedRegistries;
    if (!Array.isArray(allowed) || allowed.length === 0) return;
    for (const stage of doc.stages) {
      if (!fromIsImage(stage) || !stage.imageWord) continue;
      const name = imageRef(stage.image).name;
      if (allowed.some((e) => typeof e === 'string' && registryAllows(name, e))) continue;
      ctx.report({
        message: `Base image "${stage.image}" (${name}) is not under any allowed registry.`,
        at: wordTarget(doc, stage.imageWord),
        resource: stageResource(doc, stage.index),
        fingerprintData: name,
      });
    }
  },
});
