import { configPointer, type ImageDocument } from '../../parsers/image/document.js';
import { historyStep, isAptGet, programOf, shellCommands } from '../../parsers/image/history.js';
import { defineRule } from '../types.js';

export default defineRule<ImageDocument>({
  meta: {
    id: 'IMG-012',
    slug: 'apt-lists-kept',
    title: 'apt package lists left in a layer',
    severity: 'low',
    appliesTo: ['image'],
    description: 'apt-get update leaves tens of megabytes of package lists in the layer unless the same step removes them, which bloats the image and dates it.',
    remediation: 'End the step with rm -rf /var/lib/apt/lists/* (and apt-get clean).',
    aliases: ['DKL-DI-0005'],
    practice: 'P6',
    references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#dkl-di-0005', 'https://docs.docker.com/build/building/best-practices/#apt-get'],
    examples: {
      bad: ['{"reference": "app:1", "config": {"history": [{"created_by": "/bin/sh -c apt-get update && apt-get install -y curl"}]}, "files": []}\n'],
      good: ['{"reference": "app:1", "config": {"history": [{"created_by": "/bin/sh -c apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*"}]}, "files": []}\n'],
    },
  },
  check(doc, ctx) {
    const history = Array.isArray(doc.config.history) ? doc.config.history : [];
    history.forEach((h, i) => {
      if (typeof h?.created_by !== 'string') return;
      const step = historyStep(h.created_by);
      if (step.instruction !== 'RUN') return;
      const cmds = shellCommands(step.text);
      if (!cmds.some((w) => isAptGet(w, 'update') || isAptGet(w, 'install'))) return;
      const cleaned = cmds.some((w) => {
        const p = programOf(w);
        return p[0] === 'rm' && p.some((x) => x.startsWith('/var/lib/apt/lists'));
      });
      if (cleaned) return;
      ctx.report({ message: `History step ${i + 1} runs apt-get but does not remove /var/lib/apt/lists.`, at: configPointer(doc, 'history', i, 'created_by'), fingerprintData: `history:${h.created_by}` });
    });
  },
});
