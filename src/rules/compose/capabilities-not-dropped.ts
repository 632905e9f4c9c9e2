import { capabilityName, type ComposeDocument } from '../../parsers/compose/index.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeDocument>({
  meta: {
    id: 'DC-003',
    slug: 'capabilities-not-dropped',
    title: 'Service does not drop all capabilities',
    severity: 'medium',
    appliesTo: ['compose'],
    description:
      "Without cap_drop: [ALL] the container keeps Docker's default capabilities (NET_RAW, SETUID, CHOWN, …), more than most services need.",
    remediation: 'Add cap_drop: [ALL] and add back, with cap_add, only the capabilities the service needs.',
    aliases: [],
    practice: 'P7',
    references: ['https://docs.docker.com/reference/compose-file/services/#cap_drop', 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html'],
    examples: {
      bad: ['services:\n  web:\n    image: nginx:1.27\n'],
      good: ['services:\n  web:\n    image: nginx:1.27\n    cap_drop:\n      - ALL\n'],
    },
  },
  check(doc, ctx) {
    const s = doc.service;
    if (s.capDrop.some((c) => c.text !== undefined && capabilityName(c.text) === 'ALL')) return;
    const field = s.field('cap_drop');
    if (!field && s.partial) return; // an override fragment: the full definition is elsewhere
    ctx.report({
      message: field
        ? `Service "${s.name}" drops some capabilities but not ALL; the rest of Docker's default set stays.`
        : `Service "${s.name}" does not set cap_drop: [ALL]; it keeps Docker's default capabilities.`,
      at: field ? { pointer: field.pointer } : doc.keyAt(s.pointer),
      fingerprintData: 'cap_drop',
    });
  },
});
