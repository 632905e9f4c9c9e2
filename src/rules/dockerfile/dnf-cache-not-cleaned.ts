import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { finalImageRuns, fingerprintOf, isInstall, mountsCacheAt, packageCalls, removesPath, resourceOf, span } from './support/dockerfile.js';

const TOOLS = new Set(['dnf', 'microdnf']);

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-019',
    slug: 'dnf-cache-not-cleaned',
    title: 'dnf clean all missing',
    severity: 'low',
    appliesTo: ['dockerfile'],
    description: 'The package cache written while installing stays in the layer, enlarging the image with metadata and packages no container needs.',
    remediation: 'Clean up in the same RUN that installs (`dnf clean all`), or mount the cache directory with `RUN --mount=type=cache`.',
    aliases: ['DS-0019', 'DS019', 'AVD-DS-0019', 'DS-0027', 'DS027', 'AVD-DS-0027', 'DL3040'],
    practice: 'P6',
    references: ['https://docs.docker.com/build/building/best-practices/#run'],
    examples: { bad: ['FROM fedora:41\nRUN dnf install -y httpd\n'], good: ['FROM fedora:41\nRUN dnf install -y httpd && dnf clean all\n'] },
  },
  check(doc, ctx) {
    for (const { ins, commands } of finalImageRuns(doc)) {
      const calls = packageCalls(commands).filter((p) => TOOLS.has(p.tool));
      const install = calls.find(isInstall);
      if (!install) continue;
      if (calls.some((p) => p.sub === 'clean' && p.rest.some((w) => w.value === 'all')) || removesPath(commands, /\/var\/cache\/(?:dnf|yum|libdnf5)/) || mountsCacheAt(ins, /\/var\/cache\/(?:dnf|yum|libdnf5)/)) continue;
      ctx.report({
        message: `"${install.tool} ${install.sub}" leaves its package cache in the layer; add "dnf clean all" to the same RUN.`,
        at: span(doc, install.cmd.nameWord.start, (install.subWord ?? install.cmd.nameWord).end),
        resource: resourceOf(doc, ins),
        fingerprintData: fingerprintOf(doc, ins),
      });
    }
  },
});
