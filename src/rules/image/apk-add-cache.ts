import { configPointer, type ImageDocument } from '../../parsers/image/document.js';
import { historyStep, isApk, programOf, shellCommands } from '../../parsers/image/history.js';
import { defineRule } from '../types.js';

export default defineRule<ImageDocument>({
  meta: {
    id: 'IMG-013',
    slug: 'apk-add-cache',
    title: 'apk add without --no-cache',
    severity: 'low',
    appliesTo: ['image'],
    description: 'apk add without --no-cache keeps the package index in /var/cache/apk, which bloats the layer and dates the image.',
    remediation: 'Use apk add --no-cache.',
    aliases: ['DKL-DI-0004', 'DL3019'],
    practice: 'P6',
    references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#dkl-di-0004'],
    examples: {
      bad: ['{"reference": "app:1", "config": {"history": [{"created_by": "/bin/sh -c apk add curl"}]}, "files": []}\n'],
      good: ['{"reference": "app:1", "config": {"history": [{"created_by": "/bin/sh -c apk add --no-cache curl"}]}, "files": []}\n'],
    },
  },
  check(doc, ctx) {
    const history = Array.isArray(doc.config.history) ? doc.config.history : [];
    history.forEach((h, i) => {
      if (typeof h?.created_by !== 'string') return;
      const step = historyStep(h.created_by);
      if (step.instruction !== 'RUN') return;
      const cmds = shellCommands(step.text);
      const adds = cmds.filter((w) => isApk(w, 'add'));
      if (adds.length === 0) return;
      const cleaned = cmds.some((w) => {
        const p = programOf(w);
        return p[0] === 'rm' && p.some((x) => x.startsWith('/var/cache/apk'));
      });
      if (cleaned || adds.every((w) => w.includes('--no-cache'))) return;
      ctx.report({ message: `History step ${i + 1} runs apk add without --no-cache.`, at: configPointer(doc, 'history', i, 'created_by'), fingerprintData: `history:${h.created_by}` });
    });
  },
});
