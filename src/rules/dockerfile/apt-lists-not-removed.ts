import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { finalImageRuns, fingerprintOf, mountsCacheAt, packageCalls, removesPath, resourceOf, span } from './support/dockerfile.js';

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-016',
    slug: 'apt-lists-not-removed',
    title: 'apt lists left in the image',
    severity: 'low',
    appliesTo: ['dockerfile'],
    description: 'The package lists fetched by apt-get update stay in the layer, adding tens of megabytes and a stale snapshot of the archive to every container.',
    remediation: 'End the RUN that installs with `&& rm -rf /var/lib/apt/lists/*`, or mount a cache: `RUN --mount=type=cache,target=/var/lib/apt …`.',
    aliases: ['DL3009', 'DKL-DI-0005'],
    practice: 'P6',
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    examples: {
      bad: ['FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n'],
      good: ['FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n'],
    },
  },
  check(doc, ctx) {
    for (const { ins, commands } of finalImageRuns(doc)) {
      const calls = packageCalls(commands).filter((p) => (p.tool === 'apt-get' || p.tool === 'apt') && (p.sub === 'update' || p.sub === 'install'));
      const first = calls.find((p) => p.sub === 'update') ?? calls[0];
      if (!first) continue;
      if (packageCalls(commands).some((p) => p.sub === 'dist-clean') || removesPath(commands, /^\/var\/lib\/apt\/lists/) || mountsCacheAt(ins, /target=\/var\/lib\/apt/)) continue;
      ctx.report({
        message: `"${first.tool} ${first.sub}" leaves /var/lib/apt/lists in the layer; remove it in the same RUN.`,
        at: span(doc, first.cmd.nameWord.start, (first.subWord ?? first.cmd.nameWord).end),
        resource: resourceOf(doc, ins),
        fingerprintData: fingerprintOf(doc, ins),
      });
    }
  },
});
