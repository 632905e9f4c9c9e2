import type { ComposeDocument } from '../../parsers/compose/index.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeDocument>({
  meta: {
    id: 'DC-001',
    slug: 'privileged',
    title: 'Service runs privileged',
    severity: 'critical',
    appliesTo: ['compose'],
    description:
      'A privileged container gets every capability and every host device and runs without seccomp or AppArmor, so escaping to the host is trivial.',
    remediation: 'Remove privileged: true and grant only the capabilities (cap_add) or devices the service really needs.',
    aliases: [],
    practice: 'P7',
    references: [
      'https://docs.docker.com/reference/compose-file/services/#privileged',
      'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html',
    ],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n    privileged: true\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    cap_add: [NET_BIND_SERVICE]\n'],
    },
  },
  check(doc, ctx) {
    const flag = doc.service.flag('privileged');
    if (flag?.value !== true) return;
    ctx.report({
      message: `Service "${doc.service.name}" runs privileged: it has every capability and host device, with no seccomp or AppArmor confinement.`,
      at: { pointer: flag.at.pointer },
    });
  },
});
