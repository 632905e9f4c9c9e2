import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { finalImageRuns, fingerprintOf, isInstall, mountsCacheAt, packageCalls, removesPath, resourceOf, span } from './support/dockerfile.js';

const TOOLS = new Set(['yum']);

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-018',
    slug: 'yum-cache-not-cleaned',
    title: 'yum clean all missing',
    severity: 'low',
    appliesTo: ['dockerfile'],
    description: 'The package cache written while installing stays in the layer, enlarging the image with metadata and packages no container needs.',
    remediation: 'Clean up in the same RUN that installs (`yum clean all`), or mount the cache directory with `RUN --mount=type=cache`.',
    aliases: ['DS-0015', 'DS015', 'AVD-DS-0015', 'DL3032'],
    practice: 'P6',
    references: ['https://docs.docker.com/build/building/best-practices/#run'],
    examples: { bad: ['FROM centos:7\nRUN yum install -y httpd\n'], good: ['FROM centos:7\nRUN yum install -y httpd && yum clean all\n'] },
  },
  check(doc, ctx) {
    for (const { ins, commands } of finalImageRuns(doc)) {
      const calls = packageCalls(commands).filter((p) => TOOLS.has(p.tool));
      const install = calls.find(isInstall);
      if (!install) continue;
      if (calls.some((p) => p.sub === 'clean' && p.rest.some((w) => w.value === 'all')) || removesPath(commands, /\/var\/cache\/yum/) || mountsCacheAt(ins, /\/var\/cache\/yum/)) continue;
      ctx.report({
        message: `"${install.tool} ${install.sub}" leaves its package cache in the layer; add "yum clean all" to the same RUN.`,
        at: span(doc, install.cmd.nameWord.start, (install.subWord ?? install.cmd.nameWord).end),
        resource: resourceOf(doc, ins),
        fingerprintData: fingerprintOf(doc, ins),
      });
    }
  },
});
