import type { ComposeDocument } from '../../parsers/compose/index.js';
import { defineRule } from '../types.js';

/** Values that mean "no limit" to Docker. */
const UNLIMITED = /^(0|0\.0*|-1)$/;

export default defineRule<ComposeDocument>({
  meta: {
    id: 'DC-017',
    slug: 'no-cpu-limit',
    title: 'Service has no CPU limit',
    severity: 'low',
    appliesTo: ['compose'],
    description: 'Without a CPU limit one busy or attacked service can starve every other container on the host.',
    remediation: 'Set deploy.resources.limits.cpus (or cpus), e.g. "0.5".',
    aliases: [],
    practice: 'P7',
    references: ['https://docs.docker.com/reference/compose-file/deploy/#resources', 'https://docs.docker.com/engine/containers/resource_constraints/'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    cpus: 0.5\n'],
    },
  },
  check(doc, ctx) {
    const s = doc.service;
    const limit = s.limits.cpus;
    if (limit) {
      if (limit.text === undefined || !UNLIMITED.test(limit.text.trim())) return;
      ctx.report({
        message: `Service "${s.name}" sets ${String(limit.pointer[limit.pointer.length - 1])}: ${limit.text.trim()}, which means no CPU limit.`,
        at: { pointer: limit.pointer },
        fingerprintData: 'limit/cpus',
      });
      return;
    }
    if (s.partial) return; // an override fragment: the full definition is elsewhere
    ctx.report({
      message: `Service "${s.name}" sets no CPU limit (deploy.resources.limits.cpus or cpus).`,
      at: doc.keyAt(s.pointer),
      fingerprintData: 'limit/cpus',
    });
  },
});
