import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { hasFlag } from '../../parsers/shell/index.js';
import { defineRule } from '../types.js';
import { finalImageRuns, fingerprintOf, mountsCacheAt, packageCalls, removesPath, resourceOf, span } from './support/dockerfile.js';

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-017',
    slug: 'apk-add-without-no-cache',
    title: 'apk add without --no-cache',
    severity: 'low',
    appliesTo: ['dockerfile'],
    description: 'Without --no-cache, apk keeps its index and package cache in the layer, enlarging the image with files no container needs.',
    remediation: 'Use `apk add --no-cache …` (which also makes a separate `apk update` unnecessary).',
    aliases: ['DS-0025', 'DS025', 'AVD-DS-0025', 'DL3019', 'DKL-DI-0004'],
    practice: 'P6',
    references: ['https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper', 'https://docs.docker.com/build/building/best-practices/'],
    examples: { bad: ['FROM alpine:3.20\nRUN apk add curl\n'], good: ['FROM alpine:3.20\nRUN apk add --no-cache curl\n'] },
  },
  check(doc, ctx) {
    for (const { ins, commands } of finalImageRuns(doc)) {
      if (mountsCacheAt(ins, /target=\/(?:var\/cache\/apk|etc\/apk\/cache)/) || removesPath(commands, /^\/var\/cache\/apk/)) continue;
      for (const p of packageCalls(commands)) {
        if (p.tool !== 'apk' || p.sub !== 'add' || hasFlag(p.cmd, [], ['no-cache', 'no-network'])) continue;
        ctx.report({
          message: '"apk add" without --no-cache leaves the package cache in the layer.',
          at: span(doc, p.cmd.nameWord.start, (p.subWord ?? p.cmd.nameWord).end),
          resource: resourceOf(doc, ins),
          fingerprintData: fingerprintOf(doc, ins, `${p.cmd.start - ins.start}`),
        });
      }
    }
  },
});
