import { parseImageReference, type ComposeDocument } from '../../parsers/compose/index.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeDocument>({
  meta: {
    id: 'DC-020',
    slug: 'image-not-pinned-by-digest',
    title: 'Image is not pinned by digest',
    severity: 'low',
    appliesTo: ['compose'],
    description:
      'A tag can be moved to other content at any time, by the publisher or by whoever controls the registry; only a digest names exactly the image that was reviewed and scanned.',
    remediation: 'Append the digest of the reviewed image to the reference: image: name:1.2.3@sha256:<digest> (e.g. from `docker buildx imagetools inspect`).',
    aliases: [],
    practice: 'P2',
    references: ['https://docs.docker.com/reference/compose-file/services/#image', 'https://docs.docker.com/dhi/core-concepts/digests/'],
    examples: {
      bad: ['services:\n  cache:\n    image: redis:7.4.1-alpine\n'],
      good: ['services:\n  cache:\n    image: redis:7.4.1-alpine@sha256:c1e88455c85225310bbea54816e9c3f4b5295815e6dbf80c34d40afc6df28275\n'],
    },
  },
  check(doc, ctx) {
    const s = doc.service;
    const image = s.image;
    if (!image || s.build || image.text === undefined) return;
    const text = image.text.trim();
    if (text === '') return;
    const ref = parseImageReference(text);
    if (ref.digest) return;
    // Untagged and latest images are DC-019's: one finding per problem.
    if (ref.tag === undefined || ref.tag.toLowerCase() === 'latest') return;
    ctx.report({
      message: `Service "${s.name}" uses image ${text} by tag only; pin it by digest (${text}@sha256:…).`,
      at: { pointer: image.pointer },
      fingerprintData: 'image',
      properties: { image: text },
    });
  },
});
