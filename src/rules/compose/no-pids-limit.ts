import type { ComposeDocument } from '../../parsers/compose/index.js';
import { defineRule } from '../types.js';

/** Values that mean "no limit" to Docker. */
const UNLIMITED = /^(0|-1)$/;

export default defineRule<ComposeDocument>({
  meta: {
    id: 'DC-018',
    slug: 'no-pids-limit',
    title: 'Service has no process limit',
    severity: 'low',
    appliesTo: ['compose'],
    description: 'Without a pids limit a fork bomb in one container exhausts the process table of the whole host.',
    remediation: 'Set deploy.resources.limits.pids (or pids_limit), e.g. 200.',
    aliases: [],
    practice: 'P7',
    references: ['https://docs.docker.com/reference/compose-file/deploy/#resources', 'https://docs.docker.com/engine/containers/resource_constraints/'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    pids_limit: 200\n'],
    },
  },
  check(doc, ctx) {
    const s = doc.service;
    const limit = s.limits.pids;
    if (limit) {
      if (limit.text === undefined || !UNLIMITED.test(limit.text.trim())) return;
      ctx.report({
        message: `Service "${s.name}" sets ${String(limit.pointer[limit.pointer.length - 1])}: ${limit.text.trim()}, which means no process (pids) limit.`,
        at: { pointer: limit.pointer },
        fingerprintData: 'limit/pids',
      });
      return;
    }
    if (s.partial) return; // an override fragment: the full definition is elsewhere
    ctx.report({
      message: `Service "${s.name}" sets no process (pids) limit (deploy.resources.limits.pids or pids_limit).`,
      at: doc.keyAt(s.pointer),
      fingerprintData: 'limit/pids',
    });
  },
});
