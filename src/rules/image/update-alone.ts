import { configPointer, type ImageDocument } from '../../parsers/image/document.js';
import { historyStep, isApk, isAptGet, programOf, shellCommands } from '../../parsers/image/history.js';
import { defineRule } from '../types.js';

function isUpdate(words: string[]): boolean {
  const w = programOf(words);
  return isAptGet(w, 'update') || isApk(w, 'update') || ((w[0] === 'yum' || w[0] === 'dnf') && w.includes('makecache'));
}

export default defineRule<ImageDocument>({
  meta: {
    id: 'IMG-011',
    slug: 'update-alone',
    title: 'Package index update alone in a build step',
    severity: 'low',
    appliesTo: ['image'],
    description: 'A step that only updates the package index is cached on its own, so later installs use a stale index and miss security fixes.',
    remediation: 'Update and install in the same RUN: apt-get update && apt-get install -y … && rm -rf /var/lib/apt/lists/*.',
    aliases: ['CIS-DI-0007', 'DL3009'],
    practice: 'P6',
    references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#cis-di-0007'],
    examples: {
      bad: ['{"reference": "app:1", "config": {"history": [{"created_by": "/bin/sh -c apt-get update"}]}, "files": []}\n'],
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
      if (cmds.length === 0 || !cmds.every(isUpdate)) return;
      ctx.report({ message: `History step ${i + 1} only updates the package index (${step.text.slice(0, 60)}).`, at: configPointer(doc, 'history', i, 'created_by'), fingerprintData: `history:${h.created_by}` });
    });
  },
});
