import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { hasFlag } from '../../parsers/shell/index.js';
import { defineRule } from '../types.js';
import { fingerprintOf, isDryRun, packageCalls, resourceOf, runs, span } from './support/dockerfile.js';

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-015',
    slug: 'apt-get-install-recommends',
    title: 'apt-get install without --no-install-recommends',
    severity: 'low',
    appliesTo: ['dockerfile'],
    description: 'Recommended packages are pulled in by default, adding software nobody asked for and every vulnerability that comes with it.',
    remediation: 'Add `--no-install-recommends` to apt-get install and list what the image really needs.',
    aliases: ['DS-0029', 'DS029', 'AVD-DS-0029', 'DL3015'],
    practice: 'P6',
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get', 'https://manpages.debian.org/stable/apt/apt-get.8.en.html'],
    examples: {
      bad: ['FROM debian:12\nRUN apt-get update && apt-get install -y curl\n'],
      good: ['FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n'],
    },
  },
  check(doc, ctx) {
    for (const { ins, commands } of runs(doc)) {
      for (const p of packageCalls(commands)) {
        if ((p.tool !== 'apt-get' && p.tool !== 'apt') || p.sub !== 'install') continue;
        if (isDryRun(p)) continue;
        if (hasFlag(p.cmd, [], ['no-install-recommends'])) continue;
        if (p.cmd.args.some((a) => /Install-Recommends=(?:false|0|no)/i.test(a.value))) continue;
        ctx.report({
          message: `"${p.tool} install" also installs recommended packages; add --no-install-recommends.`,
          at: span(doc, p.cmd.nameWord.start, (p.subWord ?? p.cmd.nameWord).end),
          resource: resourceOf(doc, ins),
          fingerprintData: fingerprintOf(doc, ins, `${p.cmd.start - ins.start}`),
        });
      }
    }
  },
});
