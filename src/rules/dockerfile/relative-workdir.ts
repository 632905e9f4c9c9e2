import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { fingerprintOf, resourceOf, wordTarget } from './support/dockerfile.js';

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-024',
    slug: 'relative-workdir',
    title: 'WORKDIR is a relative path',
    severity: 'low',
    appliesTo: ['dockerfile'],
    description: 'A relative WORKDIR resolves against whatever the previous WORKDIR (or the base image) was, so files land in places the Dockerfile does not show.',
    remediation: 'Use an absolute path: `WORKDIR /app`.',
    aliases: ['DS-0009', 'DS009', 'AVD-DS-0009', 'DL3000', 'CKV_DOCKER_10'],
    practice: 'P6',
    references: ['https://docs.docker.com/reference/dockerfile/#workdir', 'https://docs.docker.com/build/building/best-practices/#workdir'],
    examples: { bad: ['FROM alpine:3.20\nWORKDIR app\n'], good: ['FROM alpine:3.20\nWORKDIR /app\n'] },
  },
  check(doc, ctx) {
    for (const ins of doc.instructions) {
      if (ins.keyword !== 'WORKDIR') continue;
      const w = ins.args[0];
      if (!w) continue;
      const value = doc.expand(w.raw, ins);
      // Unresolvable variables and Windows paths (C:\app, C:/app, \app) are not judged.
      if (value === '' || (w.raw.includes('$') && !value.startsWith('/') && value === '')) continue;
      if (value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\')) continue;
      if (w.raw.startsWith('$')) continue;
      ctx.report({
        message: `WORKDIR ${value.slice(0, 80)} is relative; use an absolute path.`,
        at: wordTarget(doc, w),
        resource: resourceOf(doc, ins),
        fingerprintData: fingerprintOf(doc, ins),
      });
    }
  },
});
