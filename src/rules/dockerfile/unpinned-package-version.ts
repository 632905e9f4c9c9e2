import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { fingerprintOf, isInstall, packageCalls, resourceOf, runs, span, type PackageCall } from './support/dockerfile.js';

function pinned(p: PackageCall, pkg: string): boolean {
  switch (p.tool) {
    case 'apt-get':
    case 'apt':
      return pkg.includes('=');
    case 'apk':
      return /[=<>~]/.test(pkg);
    case 'zypper':
      return /[=<>]/.test(pkg);
    default:
      return /[=<>]/.test(pkg) || /-\d[\w.+~:-]*$/.test(pkg);
  }
}

/** Operands that name a package rather than a file, a URL or a variable. */
function isPackageName(w: string): boolean {
  return w !== '' && !w.includes('$') && !w.includes('/') && !/\.(?:deb|rpm|apk)$/.test(w) && !w.startsWith('@') && !w.startsWith('.');
}

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-022',
    slug: 'unpinned-package-version',
    title: 'Package installed without a version',
    severity: 'low',
    appliesTo: ['dockerfile'],
    description: 'Unpinned packages make each build install whatever version the archive holds that day, so two builds of one Dockerfile can differ in ways nobody reviewed.',
    remediation: 'Pin versions (`apt-get install curl=8.5.0-2`, `apk add curl=8.11.1-r0`, `dnf install curl-8.9.1`) and update them deliberately.',
    aliases: ['DL3008', 'DL3018', 'DL3033', 'DL3041', 'DL3037'],
    practice: 'P6',
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    examples: {
      bad: ['FROM alpine:3.20\nRUN apk add --no-cache curl\n'],
      good: ['FROM alpine:3.20\nRUN apk add --no-cache curl=8.11.1-r0\n'],
    },
  },
  check(doc, ctx) {
    for (const { ins, commands } of runs(doc)) {
      for (const p of packageCalls(commands)) {
        if (!isInstall(p)) continue;
        const loose = p.rest.filter((w) => isPackageName(w.value) && !pinned(p, w.value)).map((w) => w.value);
        if (loose.length === 0) continue;
        const list = loose.slice(0, 5).join(', ') + (loose.length > 5 ? ` and ${loose.length - 5} more` : '');
        ctx.report({
          message: `"${p.tool} ${p.sub}" installs ${list} without a pinned version.`,
          at: span(doc, p.cmd.nameWord.start, (p.subWord ?? p.cmd.nameWord).end),
          resource: resourceOf(doc, ins),
          fingerprintData: fingerprintOf(doc, ins, `${p.cmd.start - ins.start}`),
        });
      }
    }
  },
});
