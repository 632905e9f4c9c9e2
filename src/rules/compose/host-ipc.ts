import type { ComposeDocument } from '../../parsers/compose/index.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeDocument>({
  meta: {
    id: 'DC-008',
    slug: 'host-ipc',
    title: 'Service shares the host IPC namespace',
    severity: 'high',
    appliesTo: ['compose'],
    description: 'With ipc: host the container shares shared memory and semaphores with host processes, which it can read or tamper with.',
    remediation: 'Remove ipc: host; use ipc: shareable and service:<name> to share IPC between services.',
    aliases: [],
    practice: 'P7',
    references: ['https://docs.docker.com/reference/compose-file/services/#ipc'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    ipc: host\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n'],
    },
  },
  check(doc, ctx) {
    const field = doc.service.field('ipc');
    if (field?.text?.trim().toLowerCase() !== 'host') return;
    ctx.report({
      message: `Service "${doc.service.name}" sets ipc: host; it shares shared memory and semaphores with host processes.`,
      at: { pointer: field.pointer },
    });
  },
});
