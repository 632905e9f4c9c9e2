import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { fingerprintOf, packageCalls, resourceOf, runs, span } from './support/dockerfile.js';

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-021',
    slug: 'dist-upgrade',
    title: 'apt-get dist-upgrade in a Dockerfile',
    severity: 'medium',
    appliesTo: ['dockerfile'],
    description: 'dist-upgrade may add and remove packages and move the image to a different release than the base image claims, which makes builds unreproducible and hard to audit.',
    remediation: 'Rebuild on a newer, patched base image instead; if an upgrade is unavoidable use `apt-get upgrade -y` for security fixes only.',
    aliases: ['DS-0024', 'DS024', 'AVD-DS-0024', 'DKL-DI-0003'],
    practice: 'P6',
    references: ['https://manpages.debian.org/stable/apt/apt-get.8.en.html', 'https://docs.docker.com/build/building/best-practices/#apt-get'],
    examples: {
      bad: ['FROM debian:12\nRUN apt-get update && apt-get dist-upgrade -y && rm -rf /var/lib/apt/lists/*\n'],
      good: ['FROM debian:12\nRUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*\n'],
    },
  },
  check(doc, ctx) {
    for (const { ins, commands } of runs(doc)) {
      for (const p of packageCalls(commands)) {
        if ((p.tool !== 'apt-get' && p.tool !== 'apt') || (p.sub !== 'dist-upgrade' && p.sub !== 'full-upgrade')) continue;
        ctx.report({
          message: `"${p.tool} ${p.sub}" upgrades the distribution inside the build.`,
          at: span(doc, p.cmd.nameWord.start, (p.subWord ?? p.cmd.nameWord).end),
          resource: resourceOf(doc, ins),
          fingerprintData: fingerprintOf(doc, ins, `${p.cmd.start - ins.start}`),
        });
      }
    }
  },
});
