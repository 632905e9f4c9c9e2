import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { copyOperands } from './add-instead-of-copy.js';
import { fingerprintOf, resourceOf, wordTarget } from './support/dockerfile.js';

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-006',
    slug: 'add-remote-without-checksum',
    title: 'ADD of a remote URL without --checksum',
    severity: 'high',
    appliesTo: ['dockerfile'],
    description: 'A file fetched from a URL at build time is whatever the server (or anyone in between) returns that day; without a checksum a compromised download goes straight into the image.',
    remediation: 'Add `--checksum=sha256:<digest>` to the ADD, or download in a RUN and verify the file with sha256sum before using it.',
    aliases: [],
    practice: 'P6',
    references: ['https://docs.docker.com/reference/dockerfile/#add---checksum'],
    examples: {
      bad: ['FROM alpine:3.20\nADD https://example.com/tool.tar.gz /opt/\n'],
      good: ['FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/\n'],
    },
  },
  check(doc, ctx) {
    for (const ins of doc.instructions) {
      if (ins.keyword !== 'ADD' || ins.flags.some((f) => f.name === 'checksum')) continue;
      for (const w of copyOperands(ins).sources) {
        if (!/^https?:\/\//i.test(w.value)) continue;
        ctx.report({
          message: `ADD downloads "${w.value.slice(0, 100)}" without --checksum, so its content is not verified.`,
          at: wordTarget(doc, w),
          resource: resourceOf(doc, ins),
          fingerprintData: fingerprintOf(doc, ins, w.value),
        });
      }
    }
  },
});
