import type { ComposeDocument } from '../../parsers/compose/index.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeDocument>({
  meta: {
    id: 'DC-009',
    slug: 'host-user-namespace',
    title: 'Service opts out of user-namespace remapping',
    severity: 'medium',
    appliesTo: ['compose'],
    description: 'With userns_mode: host the container runs outside the user namespace the daemon remaps to, so root in the container is root on the host.',
    remediation: 'Remove userns_mode: host so the daemon\'s user-namespace remapping applies.',
    aliases: [],
    practice: 'P7',
    references: ['https://docs.docker.com/reference/compose-file/services/#userns_mode'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    userns_mode: host\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n'],
    },
  },
  check(doc, ctx) {
    const field = doc.service.field('userns_mode');
    if (field?.text?.trim().toLowerCase() !== 'host') return;
    ctx.report({
      message: `Service "${doc.service.name}" sets userns_mode: host; root in the container is root on the host even when the daemon remaps user namespaces.`,
      at: { pointer: field.pointer },
    });
  },
});
