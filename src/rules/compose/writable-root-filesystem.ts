import type { ComposeDocument } from '../../parsers/compose/index.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeDocument>({
  meta: {
    id: 'DC-012',
    slug: 'writable-root-filesystem',
    title: 'Root filesystem is writable',
    severity: 'medium',
    appliesTo: ['compose'],
    description: 'A writable root filesystem lets an intruder drop tools, change binaries and persist inside the container.',
    remediation: 'Set read_only: true and give the service tmpfs or volume mounts for the paths it must write.',
    aliases: [],
    practice: 'P7',
    references: ['https://docs.docker.com/reference/compose-file/services/#read_only'],
    examples: {
      bad: ['services:\n  web:\n    image: nginx:1.27\n'],
      good: ['services:\n  web:\n    image: nginx:1.27\n    read_only: true\n    tmpfs: [/tmp]\n'],
    },
  },
  check(doc, ctx) {
    const s = doc.service;
    const flag = s.flag('read_only');
    if (flag?.value === true) return;
    if (flag && flag.value === undefined) return; // decided by a variable without a default
    if (!flag && s.partial) return; // an override fragment: the full definition is elsewhere
    ctx.report({
      message: flag
        ? `Service "${s.name}" sets read_only to ${String(flag.at.raw)}; its root filesystem is writable.`
        : `Service "${s.name}" does not set read_only: true; its root filesystem is writable.`,
      at: flag ? { pointer: flag.at.pointer } : doc.keyAt(s.pointer),
      fingerprintData: 'read_only',
    });
  },
});
