import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { fingerprintOf, isInstall, packageCalls, resourceOf, runs, span, type PackageCall } from './support/dockerfile.js';

function refreshesIndex(p: PackageCall): boolean {
  if (p.tool === 'apt-get' || p.tool === 'apt' || p.tool === 'apk') return p.sub === 'update';
  if (p.tool === 'zypper') return p.sub === 'refresh' || p.sub === 'ref';
  return p.sub === 'makecache';
}

const UPGRADES = new Set(['upgrade', 'dist-upgrade', 'full-upgrade', 'update', 'dup', 'up', 'distro-sync']);

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-012',
    slug: 'package-update-alone',
    title: 'Package index updated in a RUN of its own',
    severity: 'medium',
    appliesTo: ['dockerfile'],
    description: 'A cached layer holding only the index update is reused by later builds, so packages installed in a later RUN come from a stale index and miss security fixes.',
    remediation: 'Update the index and install in the same RUN: `RUN apt-get update && apt-get install -y … && rm -rf /var/lib/apt/lists/*`.',
    aliases: ['DS-0017', 'DS017', 'AVD-DS-0017', 'CKV_DOCKER_5', 'CIS-DI-0007'],
    practice: 'P6',
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    examples: {
      bad: ['FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n'],
      good: ['FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n'],
    },
  },
  check(doc, ctx) {
    for (const { ins, commands } of runs(doc)) {
      const calls = packageCalls(commands);
      const update = calls.find(refreshesIndex);
      if (!update) continue;
      if (calls.some((p) => isInstall(p) || (p !== update && UPGRADES.has(p.sub) && !refreshesIndex(p)))) continue;
      ctx.report({
        message: `"${update.tool} ${update.sub}" runs without an install in the same RUN; its cached layer goes stale.`,
        at: span(doc, update.cmd.start, update.cmd.end),
        resource: resourceOf(doc, ins),
        fingerprintData: fingerprintOf(doc, ins),
      });
    }
  },
});
