import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { operands } from '../../parsers/shell/index.js';
import { defineRule } from '../types.js';
import { fingerprintOf, resourceOf, runs, wordTarget } from './support/dockerfile.js';

/** Whether a chmod mode makes files writable by others (the sticky /tmp style 1777 excepted). */
export function worldWritable(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const digits = mode.padStart(4, '0');
    if ((Number(digits[0]) & 1) === 1) return false;
    return (Number(digits[3]) & 2) === 2;
  }
  return mode.split(',').some((clause) => {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!m || m[2] === '-' || !m[3]!.includes('w')) return false;
    return m[1]!.includes('o') || m[1]!.includes('a');
  });
}

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-009',
    slug: 'world-writable-permissions',
    title: 'World-writable permissions',
    severity: 'medium',
    appliesTo: ['dockerfile'],
    description: 'Files and directories every user can write let any process in the container, whatever its user, replace binaries, scripts or configuration.',
    remediation: 'Give ownership to the user that needs it (`chown app:app` or `COPY --chown`) and use modes such as 755/644; use 1777 only for shared temporary directories.',
    aliases: [],
    practice: 'P6',
    references: ['https://docs.docker.com/reference/dockerfile/#copy---chmod', 'https://man7.org/linux/man-pages/man1/chmod.1.html'],
    examples: {
      bad: ['FROM debian:12\nRUN chmod 777 /app\n', 'FROM debian:12\nCOPY --chmod=666 app.conf /etc/app.conf\n'],
      good: ['FROM debian:12\nRUN chmod 755 /app && chmod 1777 /scratch\n'],
    },
  },
  check(doc, ctx) {
    for (const ins of doc.instructions) {
      if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
      const flag = ins.flags.find((f) => f.name === 'chmod');
      if (flag?.value && worldWritable(flag.value)) {
        ctx.report({
          message: `${ins.keyword} --chmod=${flag.value} makes the copied files world-writable.`,
          at: wordTarget(doc, flag),
          resource: resourceOf(doc, ins),
          fingerprintData: fingerprintOf(doc, ins),
        });
      }
    }
    for (const { ins, commands } of runs(doc)) {
      for (const c of commands) {
        if (c.base !== 'chmod') continue;
        const mode = operands(c, new Set(['--reference']))[0];
        if (!mode || !worldWritable(mode.value)) continue;
        ctx.report({
          message: `chmod ${mode.value} makes files world-writable.`,
          at: wordTarget(doc, mode),
          resource: resourceOf(doc, ins),
          fingerprintData: fingerprintOf(doc, ins, `${c.start - ins.start}`),
        });
      }
    }
  },
});
