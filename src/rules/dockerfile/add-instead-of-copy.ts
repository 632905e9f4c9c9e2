import type { DockerfileDocument, Instruction, Word } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { fingerprintOf, instructionTarget, resourceOf } from './support/dockerfile.js';

const ARCHIVE = /\.(?:tar|tar\.(?:gz|bz2|xz|zst)|tgz|tbz2?|txz|tzst)$/i;
const REMOTE = /^(?:https?|git|ssh):\/\/|^git@|\.git(?:#.*)?$/i;

/** The sources and destination of a COPY or ADD (exec or shell form, heredocs excluded). */
export function copyOperands(ins: Instruction): { sources: Word[]; dest: Word | undefined } {
  const words = (ins.json ?? ins.args).filter((w) => !w.raw.startsWith('<<'));
  if (words.length < 2) return { sources: [], dest: words[0] };
  return { sources: words.slice(0, -1), dest: words[words.length - 1] };
}

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-005',
    slug: 'add-instead-of-copy',
    title: 'ADD used where COPY does',
    severity: 'low',
    appliesTo: ['dockerfile'],
    description: 'ADD silently unpacks archives and fetches URLs, so a plain file copy written with ADD can change behaviour when the source changes; COPY does only what it says.',
    remediation: 'Use COPY for local files and directories; keep ADD for local tar archives that must be unpacked or for remote sources pinned with --checksum.',
    aliases: ['DS-0005', 'DS005', 'AVD-DS-0005', 'DL3020', 'CKV_DOCKER_4', 'CIS-DI-0009'],
    practice: 'P6',
    references: ['https://docs.docker.com/reference/dockerfile/#add', 'https://docs.docker.com/build/building/best-practices/#add-or-copy'],
    examples: { bad: ['FROM alpine:3.20\nADD app.jar /app/app.jar\n'], good: ['FROM alpine:3.20\nCOPY app.jar /app/app.jar\nADD rootfs.tar.gz /\n'] },
  },
  check(doc, ctx) {
    for (const ins of doc.instructions) {
      if (ins.keyword !== 'ADD' || ins.heredocs.length > 0) continue;
      const { sources } = copyOperands(ins);
      if (sources.length === 0) continue;
      const local = sources.filter((w) => !REMOTE.test(w.value) && !ARCHIVE.test(w.value));
      if (local.length !== sources.length) continue;
      ctx.report({
        message: `ADD copies ${local.map((w) => `"${w.value.slice(0, 60)}"`).join(', ')}, which COPY does without ADD's archive and URL handling.`,
        at: instructionTarget(doc, ins),
        resource: resourceOf(doc, ins),
        fingerprintData: fingerprintOf(doc, ins),
      });
    }
  },
});
