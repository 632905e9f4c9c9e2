import { configPointer, type ImageDocument } from '../../parsers/image/document.js';
import { historyStep, isAptGet, shellCommands } from '../../parsers/image/history.js';
import { defineRule } from '../types.js';

export default defineRule<ImageDocument>({
  meta: {
    id: 'IMG-014',
    slug: 'dist-upgrade',
    title: 'apt-get dist-upgrade in the build',
    severity: 'low',
    appliesTo: ['image'],
    description: 'dist-upgrade may add or remove packages and move the image to another release than the base it claims, which makes builds unpredictable.',
    remediation: 'Rebuild on an updated base image instead, or use apt-get upgrade for security updates only.',
    aliases: ['DKL-DI-0003'],
    practice: 'P6',
    references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#dkl-di-0003'],
    examples: {
      bad: ['{"reference": "app:1", "config": {"history": [{"created_by": "/bin/sh -c apt-get update && apt-get dist-upgrade -y && rm -rf /var/lib/apt/lists/*"}]}, "files": []}\n'],
      good: ['{"reference": "app:1", "config": {"history": [{"created_by": "/bin/sh -c apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*"}]}, "files": []}\n'],
    },
  },
  check(doc, ctx) {
    const history = Array.isArray(doc.config.history) ? doc.config.history : [];
    history.forEach((h, i) => {
      if (typeof h?.created_by !== 'string') return;
      const step = historyStep(h.created_by);
      if (step.instruction !== 'RUN' || !shellCommands(step.text).some((w) => isAptGet(w, 'dist-upgrade'))) return;
      ctx.report({ message: `History step ${i + 1} runs apt-get dist-upgrade.`, at: configPointer(doc, 'history', i, 'created_by'), fingerprintData: `history:${h.created_by}` });
    });
  },
});
