import type { ComposeDocument } from '../../parsers/compose/index.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeDocument>({
  meta: {
    id: 'DC-013',
    slug: 'runs-as-root',
    title: 'Service runs as root',
    severity: 'medium',
    appliesTo: ['compose'],
    description: 'A process running as root in the container is root on the host too once it escapes, and can change everything inside the container.',
    remediation: 'Set user: to a non-root UID and GID (e.g. "10001:10001"), or build the image with a non-root USER and set it here explicitly.',
    aliases: [],
    practice: 'P7',
    references: ['https://docs.docker.com/reference/compose-file/services/#user', 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html#rule-2-set-a-user'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    user: root\n', 'services:\n  app:\n    image: alpine:3.20\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    user: "10001:10001"\n'],
    },
  },
  check(doc, ctx) {
    const s = doc.service;
    const user = s.field('user');
    if (!user) {
      if (s.partial) return; // an override fragment: the full definition is elsewhere
      ctx.report({
        message: `Service "${s.name}" does not set user; it runs as the image's user, which is root unless the image sets a non-root USER.`,
        at: doc.keyAt(s.pointer),
        fingerprintData: 'user',
      });
      return;
    }
    if (user.text === undefined) return; // a variable without a default decides it
    const name = user.text.trim().split(':')[0]!.trim();
    if (name !== '0' && name !== 'root' && name !== '') return;
    ctx.report({
      message: user.interpolated
        ? `Service "${s.name}" sets user: ${String(user.raw)}, which is ${name || 'empty (root)'} when the variable is unset; it runs as root.`
        : `Service "${s.name}" sets user: ${user.text.trim()}; it runs as root.`,
      at: { pointer: user.pointer },
      fingerprintData: 'user',
    });
  },
});
