import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { fingerprintOf, instructionTarget, resourceOf } from './support/dockerfile.js';

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-026',
    slug: 'shell-form-entrypoint',
    title: 'ENTRYPOINT in shell form',
    severity: 'low',
    appliesTo: ['dockerfile'],
    description: 'A shell-form ENTRYPOINT runs under `/bin/sh -c`, so the application is not PID 1, never receives SIGTERM and is killed hard on every stop, and CMD arguments are ignored.',
    remediation: 'Write ENTRYPOINT in exec form: `ENTRYPOINT ["/app/server", "--port", "8080"]`.',
    aliases: ['DL3025'],
    practice: 'P6',
    references: ['https://docs.docker.com/reference/dockerfile/#entrypoint', 'https://docs.docker.com/reference/dockerfile/#shell-and-exec-form'],
    examples: { bad: ['FROM alpine:3.20\nENTRYPOINT /app/server --port 8080\n'], good: ['FROM alpine:3.20\nENTRYPOINT ["/app/server", "--port", "8080"]\n'] },
  },
  check(doc, ctx) {
    for (const ins of doc.instructions) {
      if (ins.keyword !== 'ENTRYPOINT' || ins.json || ins.text.trim() === '') continue;
      ctx.report({
        message: 'ENTRYPOINT is in shell form; the process will not receive signals as PID 1.',
        at: instructionTarget(doc, ins),
        resource: resourceOf(doc, ins),
        fingerprintData: fingerprintOf(doc, ins),
      });
    }
  },
});
