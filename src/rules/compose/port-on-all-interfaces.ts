import type { ComposeDocument } from '../../parsers/compose/index.js';
import { defineRule } from '../types.js';

const ANY = new Set(['', '0.0.0.0', '::', '[::]']);

export default defineRule<ComposeDocument>({
  meta: {
    id: 'DC-014',
    slug: 'port-on-all-interfaces',
    title: 'Port published on all host interfaces',
    severity: 'medium',
    appliesTo: ['compose'],
    description:
      'A port published without a host address listens on every interface of the host, and Docker\'s iptables rules let it through host firewalls such as ufw: databases and admin consoles end up on the network.',
    remediation: 'Prefix the mapping with the address it should listen on, e.g. "127.0.0.1:5432:5432", or use expose: for ports only other services need.',
    aliases: [],
    practice: 'P9',
    references: ['https://docs.docker.com/reference/compose-file/services/#ports', 'https://docs.docker.com/engine/network/packet-filtering-firewalls/'],
    examples: {
      bad: ['services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n'],
      good: ['services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n'],
    },
  },
  check(doc, ctx) {
    const s = doc.service;
    if (s.field('network_mode')?.text?.trim() === 'host') return; // ports are ignored; the host-network rule covers it
    for (const p of s.ports) {
      if (!p.resolved) continue;
      if (p.hostIp !== undefined && !ANY.has(p.hostIp.trim())) continue;
      const host = p.published ? `host port ${p.published}` : 'a random host port';
      ctx.report({
        message: `Service "${s.name}" publishes container port ${p.target ?? '?'}/${p.protocol} on ${host} on all interfaces (${p.display}); bind it to an address such as 127.0.0.1.`,
        at: { pointer: p.pointer },
        fingerprintData: `port/${p.display}`,
      });
    }
  },
});
