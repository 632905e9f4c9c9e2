import { configPointer, type ImageDocument } from '../../parsers/image/document.js';
import { defineRule } from '../types.js';

export default defineRule<ImageDocument>({
  meta: {
    id: 'IMG-009',
    slug: 'missing-healthcheck',
    title: 'Image has no HEALTHCHECK',
    severity: 'low',
    appliesTo: ['image'],
    description: 'Without a health check the engine cannot tell a hung or compromised service from a working one, so it is never restarted.',
    remediation: 'Add a HEALTHCHECK instruction (Docker) or liveness and readiness probes (Kubernetes).',
    aliases: ['CIS-DI-0006'],
    practice: 'P6',
    references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#cis-di-0006', 'https://docs.docker.com/reference/dockerfile/#healthcheck'],
    examples: {
      bad: ['{"reference": "app:1", "config": {"config": {"Cmd": ["/app"]}}, "files": []}\n'],
      good: ['{"reference": "app:1", "config": {"config": {"Healthcheck": {"Test": ["CMD", "/app", "health"]}}}, "files": []}\n'],
    },
  },
  check(doc, ctx) {
    const hc = doc.config.config?.Healthcheck;
    const test = hc && typeof hc === 'object' && Array.isArray(hc.Test) ? hc.Test : undefined;
    if (test && test.length > 0 && test[0] !== 'NONE') return;
    ctx.report({
      message: test?.[0] === 'NONE' ? 'The image disables its health check (HEALTHCHECK NONE).' : 'The image defines no HEALTHCHECK.',
      at: hc ? configPointer(doc, 'config', 'Healthcheck') : doc.config.config ? configPointer(doc, 'config') : { pointer: [...doc.configBase] },
      fingerprintData: 'config.Healthcheck',
    });
  },
});
