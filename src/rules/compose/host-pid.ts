import type { ComposeDocument } from '../../parsers/compose/index.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeDocument>({
  meta: {
    id: 'DC-007',
    slug: 'host-pid',
    title: 'Service shares the host PID namespace',
    severity: 'high',
    appliesTo: ['compose'],
    description: 'With pid: host the container sees every process on the host and, with enough privilege, can signal or trace them.',
    remediation: 'Remove pid: host.',
    aliases: [],
    practice: 'P7',
    references: ['https://docs.docker.com/reference/compose-file/services/#pid'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    pid: host\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n'],
    },
  },
  check(doc, ctx) {
    const field = doc.service.field('pid');
    if (field?.text?.trim().toLowerCase() !== 'host') return;
    ctx.report({
      message: `Service "${doc.service.name}" sets pid: host; it sees every host process and their command lines and environments.`,
      at: { pointer: field.pointer },
    });
  },
});
