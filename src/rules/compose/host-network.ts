import type { ComposeDocument } from '../../parsers/compose/index.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeDocument>({
  meta: {
    id: 'DC-006',
    slug: 'host-network',
    title: 'Service uses the host network',
    severity: 'high',
    appliesTo: ['compose'],
    description: 'With network_mode: host the container shares the host\'s network stack: it can bind any host port, reach services on localhost and sniff host traffic.',
    remediation: 'Remove network_mode: host; publish only the ports the service needs, bound to a specific address.',
    aliases: [],
    practice: 'P7',
    references: ['https://docs.docker.com/reference/compose-file/services/#network_mode'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    network_mode: host\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n'],
    },
  },
  check(doc, ctx) {
    const field = doc.service.field('network_mode');
    if (field?.text?.trim().toLowerCase() !== 'host') return;
    ctx.report({
      message: `Service "${doc.service.name}" sets network_mode: host; it shares the host network stack, including services listening on localhost.${doc.service.ports.length > 0 ? " Its ports: entries are ignored." : ""}`,
      at: { pointer: field.pointer },
    });
  },
});
