import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { fingerprintOf, resourceOf, span } from './support/dockerfile.js';

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-027',
    slug: 'pipe-without-pipefail',
    title: 'Pipe in RUN without pipefail',
    severity: 'low',
    appliesTo: ['dockerfile'],
    description: 'Without pipefail a pipeline succeeds when its last command does, so a failed download piped into another command leaves a broken image that builds green.',
    remediation: 'Set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN, or start the script with `set -o pipefail`.',
    aliases: ['DL4006'],
    practice: 'P6',
    references: ['https://docs.docker.com/build/building/best-practices/#using-pipes'],
    examples: {
      bad: ['FROM debian:12\nRUN wget -O - https://example.com/key.asc | gpg --dearmor > /k.gpg\n'],
      good: ['FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://example.com/key.asc | gpg --dearmor > /k.gpg\n'],
    },
  },
  check(doc, ctx) {
    for (const ins of doc.instructions) {
      if (ins.keyword !== 'RUN' || ins.json) continue;
      if (ins.shell.some((a) => a.includes('pipefail'))) continue;
      const script = doc.shell(ins);
      const pipe = script.pipelines.find((p) => p.size > 1 && !p.commands.every((c) => c.substituted));
      if (!pipe) continue;
      const set = script.commands.find((c) => c.base === 'set' && c.start < pipe.start && c.args.some((a) => a.value === 'pipefail' || /^-[a-z]*o$/.test(a.value)) && c.args.some((a) => a.value.includes('pipefail')));
      if (set) continue;
      ctx.report({
        message: 'RUN has a pipeline but pipefail is not set; a failure before the last command goes unnoticed.',
        at: span(doc, pipe.start, pipe.end),
        resource: resourceOf(doc, ins),
        fingerprintData: fingerprintOf(doc, ins),
      });
    }
  },
});
