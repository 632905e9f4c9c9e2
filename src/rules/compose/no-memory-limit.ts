import type { ComposeDocument } from '../../parsers/compose/index.js';
import { defineRule } from '../types.js';

/** Values that mean "no limit" to Docker. */
const UNLIMITED = /^(0|-1|0[a-z]*)$/i;

export default defineRule<ComposeDocument>({
  meta: {
    id: 'DC-016',
    slug: 'no-memory-limit',
    title: 'Service has no memory limit',
    severity: 'medium',
    appliesTo: ['compose'],
    description: 'Without a memory limit one leaking or attacked service can exhaust the host\'s memory and get other containers killed.',
    remediation: 'Set deploy.resources.limits.memory (or mem_limit), e.g. 512M.',
    aliases: [],
    practice: 'P7',
    references: ['https://docs.docker.com/reference/compose-file/deploy/#resources', 'https://docs.docker.com/engine/containers/resource_constraints/'],
    examples: {
      bad: ['services:\n  app:\n    image: alpine:3.20\n'],
      good: ['services:\n  app:\n    image: alpine:3.20\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n'],
    },
  },
  check(doc, ctx) {
    const s = doc.service;
    const limit = s.limits.memory;
    if (limit) {
      if (limit.text === undefined || !UNLIMITED.test(limit.text.trim())) return;
      ctx.report({
        message: `Service "${s.name}" sets ${String(limit.pointer[limit.pointer.length - 1])}: ${limit.text.trim()}, which means no memory limit.`,
        at: { pointer: limit.pointer },
        fingerprintData: 'limit/memory',
      });
      return;
    }
    if (s.partial) return; // an override fragment: the full definition is elsewhere
    ctx.report({
      message: `Service "${s.name}" sets no memory limit (deploy.resources.limits.memory or mem_limit).`,
      at: doc.keyAt(s.pointer),
      fingerprintData: 'limit/memory',
    });
  },
});
