import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { fingerprintOf, resourceOf, wordTarget } from './support/dockerfile.js';

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-028',
    slug: 'copy-from-unknown-stage',
    title: 'COPY --from names no earlier stage',
    severity: 'high',
    appliesTo: ['dockerfile'],
    description: 'A --from that matches no earlier stage is pulled as an image of that name from a registry, so a typo or a reordered stage silently copies files from someone else\'s image; a stage cannot copy from itself.',
    remediation: 'Point --from at a stage defined earlier (`FROM golang:1.23 AS build` … `COPY --from=build …`), or write a full image reference with a tag or digest.',
    aliases: ['DS-0006', 'DS006', 'AVD-DS-0006', 'DL3022', 'DL3023'],
    practice: 'P2',
    references: ['https://docs.docker.com/reference/dockerfile/#copy---from', 'https://docs.docker.com/build/building/multi-stage/'],
    examples: {
      bad: ['FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=biuld /app /app\n', 'FROM golang:1.23 AS build\nCOPY --from=build /a /b\n'],
      good: ['FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\nCOPY --from=nginx:1.27 /etc/nginx/mime.types /etc/\n'],
    },
  },
  check(doc, ctx) {
    for (const ins of doc.instructions) {
      if ((ins.keyword !== 'COPY' && ins.keyword !== 'ADD') || ins.stage < 0) continue;
      const flag = ins.flags.find((f) => f.name === 'from');
      if (!flag?.value) continue;
      const ref = doc.expand(flag.value, ins).toLowerCase();
      if (ref === '' || /[:/@.]/.test(ref)) continue;
      const current = doc.stages[ins.stage]!;
      let problem: string | undefined;
      if (/^\d+$/.test(ref)) {
        const i = Number(ref);
        if (i === ins.stage) problem = `--from=${ref} refers to the stage it is in`;
        else if (i > ins.stage) problem = `--from=${ref} refers to a later stage`;
      } else if (current.name === ref) {
        problem = `--from=${ref} refers to the stage it is in`;
      } else if (!doc.stages.slice(0, ins.stage).some((s) => s.name === ref)) {
        const later = doc.stages.slice(ins.stage + 1).some((s) => s.name === ref);
        problem = later ? `--from=${ref} refers to a stage defined later` : `--from=${ref} matches no earlier stage and will be pulled as the image "${ref}:latest"`;
      }
      if (!problem) continue;
      ctx.report({
        message: `${ins.keyword} ${problem}.`,
        at: wordTarget(doc, flag),
        resource: resourceOf(doc, ins),
        fingerprintData: fingerprintOf(doc, ins),
      });
    }
  },
});
