import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { fingerprintOf, instructionTarget, resourceOf } from './support/dockerfile.js';

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-025',
    slug: 'multiple-cmd-or-entrypoint',
    title: 'More than one CMD or ENTRYPOINT in a stage',
    severity: 'medium',
    appliesTo: ['dockerfile'],
    description: 'Only the last CMD and the last ENTRYPOINT of a stage take effect, so an earlier one misleads readers about what the container runs.',
    remediation: 'Keep one CMD and one ENTRYPOINT per stage and delete the others.',
    aliases: ['DS-0007', 'DS007', 'AVD-DS-0007', 'DS-0016', 'DS016', 'AVD-DS-0016', 'DL4003', 'DL4004'],
    practice: 'P6',
    references: ['https://docs.docker.com/reference/dockerfile/#cmd', 'https://docs.docker.com/reference/dockerfile/#entrypoint'],
    examples: {
      bad: ['FROM alpine:3.20\nCMD ["./a"]\nCMD ["./b"]\n'],
      good: ['FROM alpine:3.20\nENTRYPOINT ["./app"]\nCMD ["--help"]\n'],
    },
  },
  check(doc, ctx) {
    for (const stage of doc.stages) {
      for (const keyword of ['CMD', 'ENTRYPOINT']) {
        const list = stage.instructions.filter((i) => i.keyword === keyword);
        const last = list[list.length - 1];
        for (const ins of list.slice(0, -1)) {
          ctx.report({
            message: `This ${keyword} is overridden by the ${keyword} on line ${doc.rangeOf(last!.start, last!.start).startLine}.`,
            at: instructionTarget(doc, ins),
            resource: resourceOf(doc, ins),
            fingerprintData: fingerprintOf(doc, ins),
          });
        }
      }
    }
  },
});
