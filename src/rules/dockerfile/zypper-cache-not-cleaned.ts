import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { finalImageRuns, fingerprintOf, isInstall, mountsCacheAt, packageCalls, removesPath, resourceOf, span } from './support/dockerfile.js';

const TOOLS = new Set(['zypper']);

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-020',
    slug: 'zypper-cache-not-cleaned',
    title: 'zypper clean missing',
    severity: 'low',
    appliesTo: ['dockerfile'],
    description: 'The package cache written while installing stays in the layer, enlarging the image with metadata and packages no container needs.',
    remediation: 'Clean up in the same RUN that installs (`zypper clean`), or mount the cache directory with `RUN --mount=type=cache`.',
    aliases: ['DS-0020', 'DS020', 'AVD-DS-0020', 'DL3036'],
    practice: 'P6',
    references: ['https://docs.docker.com/build/building/best-practices/#run'],
    examples: { bad: ['FROM opensuse/leap:15.6\nRUN zypper --non-interactive install httpd\n'], good: ['FROM opensuse/leap:15.6\nRUN zypper --non-interactive install httpd && zypper clean\n'] },
  },
  check(doc, ctx) {
    for (const { ins, commands } of finalImageRuns(doc)) {
      const calls = packageCalls(commands).filter((p) => TOOLS.has(p.tool));
      const install = calls.find(isInstall);
      if (!install) continue;
      if (calls.some((p) => p.sub === 'clean' || p.sub === 'cc') || removesPath(commands, /\/var\/cache\/zypp/) || mountsCacheAt(ins, /\/var\/cache\/zypp/)) continue;
      ctx.report({
        message: `"${install.tool} ${install.sub}" leaves its package cache in the layer; add "zypper clean" to the same RUN.`,
        at: span(doc, install.cmd.nameWord.start, (install.subWord ?? install.cmd.nameWord).end),
        resource: resourceOf(doc, ins),
        fingerprintData: fingerprintOf(doc, ins),
      });
    }
  },
});
