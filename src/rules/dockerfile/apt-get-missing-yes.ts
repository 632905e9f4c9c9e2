import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { hasFlag } from '../../parsers/shell/index.js';
import { defineRule } from '../types.js';
import { fingerprintOf, isDryRun, packageCalls, resourceOf, runs, span } from './support/dockerfile.js';

const PROMPTING = new Set(['install', 'remove', 'purge', 'upgrade', 'dist-upgrade', 'full-upgrade', 'autoremove', 'build-dep', 'reinstall']);

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-013',
    slug: 'apt-get-missing-yes',
    title: "apt-get without -y",
    severity: 'medium',
    appliesTo: ['dockerfile'],
    description: 'Without -y apt-get asks for confirmation, which a build cannot give: the step aborts or, with some front ends, silently installs nothing.',
    remediation: 'Pass `-y` (or `--yes`) to apt-get install, remove, purge and upgrade.',
    aliases: ['DS-0021', 'DS021', 'AVD-DS-0021', 'DL3014'],
    practice: 'P6',
    references: ['https://manpages.debian.org/stable/apt/apt-get.8.en.html', 'https://docs.docker.com/build/building/best-practices/#apt-get'],
    examples: {
      bad: ['FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends curl\n'],
      good: ['FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n'],
    },
  },
  check(doc, ctx) {
    for (const { ins, commands } of runs(doc)) {
      for (const p of packageCalls(commands)) {
        if ((p.tool !== 'apt-get' && p.tool !== 'apt') || !PROMPTING.has(p.sub)) continue;
        if (isDryRun(p)) continue;
        if (hasFlag(p.cmd, ['y'], ['yes', 'assume-yes', 'force-yes'])) continue;
        if (p.cmd.args.some((a) => a.value === '-qq' || a.value === '-q=2' || /Assume-Yes=(?:true|1|yes)/i.test(a.value))) continue;
        ctx.report({
          message: `"${p.tool} ${p.sub}" has no -y and will wait for a confirmation.`,
          at: span(doc, p.cmd.nameWord.start, (p.subWord ?? p.cmd.nameWord).end),
          resource: resourceOf(doc, ins),
          fingerprintData: fingerprintOf(doc, ins, `${p.cmd.start - ins.start}`),
        });
      }
    }
  },
});
