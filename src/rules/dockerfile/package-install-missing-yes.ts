import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { hasFlag } from '../../parsers/shell/index.js';
import { defineRule } from '../types.js';
import { fingerprintOf, packageCalls, resourceOf, runs, span } from './support/dockerfile.js';

const PROMPTING = new Set(['install', 'groupinstall', 'localinstall', 'reinstall', 'remove', 'erase', 'upgrade', 'update', 'in', 'rm', 'up', 'dup', 'dist-upgrade', 'patch', 'source-install', 'si']);

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-014',
    slug: 'package-install-missing-yes',
    title: 'yum, dnf or zypper without a non-interactive flag',
    severity: 'medium',
    appliesTo: ['dockerfile'],
    description: 'Without -y (yum, dnf) or --non-interactive (zypper) the package manager waits for a confirmation the build cannot give, and the step fails or hangs.',
    remediation: 'Use `yum install -y`, `dnf install -y` or `zypper --non-interactive install` (or `zypper install -y`).',
    aliases: ['DL3030', 'DL3038', 'DL3034'],
    practice: 'P6',
    references: ['https://docs.docker.com/build/building/best-practices/#run', 'https://en.opensuse.org/SDB:Zypper_manual'],
    examples: {
      bad: ['FROM fedora:41\nRUN dnf install httpd && dnf clean all\n'],
      good: ['FROM fedora:41\nRUN dnf install -y httpd && dnf clean all\n', 'FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean\n'],
    },
  },
  check(doc, ctx) {
    for (const { ins, commands } of runs(doc)) {
      for (const p of packageCalls(commands)) {
        if (p.tool !== 'yum' && p.tool !== 'dnf' && p.tool !== 'zypper') continue;
        if (!PROMPTING.has(p.sub)) continue;
        const ok = p.tool === 'zypper' ? hasFlag(p.cmd, ['n', 'y'], ['non-interactive', 'no-confirm']) : hasFlag(p.cmd, ['y'], ['assumeyes']);
        if (ok) continue;
        ctx.report({
          message: `"${p.tool} ${p.sub}" has no ${p.tool === 'zypper' ? '--non-interactive (-n) or -y' : '-y'} and will wait for a confirmation.`,
          at: span(doc, p.cmd.nameWord.start, (p.subWord ?? p.cmd.nameWord).end),
          resource: resourceOf(doc, ins),
          fingerprintData: fingerprintOf(doc, ins, `${p.cmd.start - ins.start}`),
        });
      }
    }
  },
});
