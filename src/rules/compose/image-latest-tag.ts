import { parseImageReference, type ComposeDocument } from '../../parsers/compose/index.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeDocument>({
  meta: {
    id: 'DC-019',
    slug: 'image-latest-tag',
    title: 'Image is untagged or uses latest',
    severity: 'medium',
    appliesTo: ['compose'],
    description:
      'An untagged or latest image changes under the service at every pull, so what runs is neither reviewed nor reproducible and may silently pick up a compromised release.',
    remediation: 'Pin the image to a specific version tag, and better to its digest (image: name:1.2.3@sha256:…).',
    aliases: [],
    practice: 'P2',
    references: ['https://docs.docker.com/reference/compose-file/services/#image', 'https://docs.docker.com/build/building/best-practices/#pin-base-image-versions'],
    examples: {
      bad: ['services:\n  cache:\n    image: redis\n', 'services:\n  cache:\n    image: redis:latest\n'],
      good: ['services:\n  cache:\n    image: redis:7.4.1-alpine\n', 'services:\n  api:\n    image: acme-api\n    build: .\n    pull_policy: build\n'],
    },
  },
  check(doc, ctx) {
    const s = doc.service;
    const image = s.image;
    if (!image || image.text === undefined) return;
    // With build:, Compose still pulls image: first unless pull_policy says to build.
    const policy = s.field('pull_policy')?.text?.trim().toLowerCase();
    if (s.build && (policy === 'build' || policy === 'never')) return;
    const text = image.text.trim();
    if (text === '') return;
    const ref = parseImageReference(text);
    if (ref.digest) return;
    if (ref.tag !== undefined && ref.tag.toLowerCase() !== 'latest') return;
    const via = image.interpolated ? ` (${String(image.raw)} with no variable set)` : '';
    const built = s.build ? '; with build: and no pull_policy: build, Compose tries to pull it from the registry before building, so a look-alike image published there would run instead' : '';
    ctx.report({
      message:
        ref.tag === undefined
          ? `Service "${s.name}" uses image ${text}${via} without a tag, which pulls latest${built}.`
          : `Service "${s.name}" uses image ${text}${via}; latest changes at every release${built}.`,
      at: { pointer: image.pointer },
      fingerprintData: 'image',
      properties: { image: text },
    });
  },
});
