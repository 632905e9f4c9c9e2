import type { ComposeDocument } from '../../parsers/compose/index.js';
import { defineRule } from '../types.js';

const NNP = /^no-new-privileges(?:[:=](.*))?$/i;

export default defineRule<ComposeDocument>({
  meta: {
    id: 'DC-005',
    slug: 'no-new-privileges',
    title: 'no-new-privileges is not set',
    severity: 'medium',
    appliesTo: ['compose'],
    description:
      'Without no-new-privileges a process in the container can gain privileges through setuid binaries or file capabilities.',
    remediation: 'Add "no-new-privileges:true" to the service\'s security_opt.',
    aliases: [],
    practice: 'P7',
    references: ['https://docs.docker.com/reference/cli/docker/container/run/#security-opt', 'https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    security_opt:\n      - no-new-privileges:true\n'],
    },
  },
  check(doc, ctx) {
    const s = doc.service;
    let set = false;
    for (const opt of s.securityOpt) {
      if (opt.text === undefined) {
        set = true; // decided by a variable: not ours to judge
        continue;
      }
      const m = NNP.exec(opt.text.trim());
      if (!m) continue;
      const v = m[1]?.trim().toLowerCase();
      if (v === undefined || v === '' || v === 'true') {
        set = true;
        continue;
      }
      ctx.report({
        message: `Service "${s.name}" sets "${opt.text.trim()}": processes may gain privileges through setuid binaries.`,
        at: { pointer: opt.pointer },
        fingerprintData: 'no-new-privileges',
      });
      return;
    }
    if (set) return;
    const field = s.field('security_opt');
    if (!field && s.partial) return; // an override fragment: the full definition is elsewhere
    ctx.report({
      message: `Service "${s.name}" does not set security_opt no-new-privileges:true; processes may gain privileges through setuid binaries.`,
      at: field ? { pointer: field.pointer } : doc.keyAt(s.pointer),
      fingerprintData: 'no-new-privileges',
    });
  },
});
