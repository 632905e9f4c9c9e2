import { configPointer, type ImageDocument } from '../../parsers/image/document.js';
import { historyStep } from '../../parsers/image/history.js';
import { defineRule } from '../types.js';

export default defineRule<ImageDocument>({
  meta: {
    id: 'IMG-010',
    slug: 'add-in-history',
    title: 'Image was built with ADD',
    severity: 'low',
    appliesTo: ['image'],
    description: 'ADD fetches URLs and unpacks archives implicitly, so what lands in the image is less predictable than with COPY.',
    remediation: 'Use COPY for local files; download with a checksum check in RUN, or use ADD --checksum for remote files.',
    aliases: ['CIS-DI-0009', 'DL3020'],
    practice: 'P6',
    references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#cis-di-0009', 'https://docs.docker.com/build/building/best-practices/#add-or-copy'],
    examples: {
      bad: ['{"reference": "app:1", "config": {"history": [{"created_by": "/bin/sh -c #(nop) ADD file:abc in / "}, {"created_by": "/bin/sh -c #(nop) ADD file:def in /app/config.json "}]}, "files": []}\n'],
      good: ['{"reference": "app:1", "config": {"history": [{"created_by": "/bin/sh -c #(nop) ADD file:abc in / "}, {"created_by": "COPY app /app # buildkit"}]}, "files": []}\n'],
    },
  },
  check(doc, ctx) {
    const history = Array.isArray(doc.config.history) ? doc.config.history : [];
    // The first layer is the base root filesystem, which every builder adds with ADD.
    const base = doc.layerHistory()[0];
    history.forEach((h, i) => {
      if (i === base || typeof h?.created_by !== 'string') return;
      const step = historyStep(h.created_by);
      if (step.instruction !== 'ADD') return;
      ctx.report({
        message: `History step ${i + 1} uses ADD (${step.text.slice(0, 80)}); use COPY.`,
        at: configPointer(doc, 'history', i, 'created_by'),
        fingerprintData: `history:${h.created_by}`,
      });
    });
  },
});
