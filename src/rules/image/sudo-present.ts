import { configPointer, describeFile, fileReport, type ImageDocument } from '../../parsers/image/document.js';
import { historyStep, shellCommands } from '../../parsers/image/history.js';
import { defineRule } from '../types.js';

const SUDO = /^\/(?:usr\/)?(?:local\/)?s?bin\/(?:sudo|doas)$/;

export default defineRule<ImageDocument>({
  meta: {
    id: 'IMG-007',
    slug: 'sudo-present',
    title: 'sudo in the image',
    severity: 'medium',
    appliesTo: ['image'],
    description: 'sudo gives a way back to root inside the container and behaves unpredictably without a TTY; containers should start as the user they need.',
    remediation: 'Do not install sudo; set USER to the account the process needs, and use gosu or su-exec in entrypoints that must drop privileges.',
    aliases: ['DKL-DI-0001', 'DL3004'],
    practice: 'P6',
    references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#dkl-di-0001', 'https://docs.docker.com/build/building/best-practices/#user'],
    examples: {
      bad: ['{"reference": "app:1", "config": {}, "files": [\n  {"path": "/usr/bin/sudo", "type": "file", "mode": "4755", "uid": 0, "gid": 0, "size": 232416, "layer": "sha256:aa"}\n]}\n'],
      good: ['{"reference": "app:1", "config": {}, "files": [\n  {"path": "/usr/bin/su", "type": "file", "mode": "0755", "uid": 0, "gid": 0, "size": 1, "layer": "sha256:aa"}\n]}\n'],
    },
  },
  check(doc, ctx) {
    doc.files.forEach((f, i) => {
      if (f.removed || (f.type !== 'file' && f.type !== 'hardlink' && f.type !== 'symlink') || !SUDO.test(f.path)) return;
      ctx.report({ message: `${describeFile(f)} is installed.`, ...fileReport(doc, i) });
    });
    const history = Array.isArray(doc.config.history) ? doc.config.history : [];
    history.forEach((h, i) => {
      if (typeof h?.created_by !== 'string') return;
      const step = historyStep(h.created_by);
      if (step.instruction !== 'RUN' || !shellCommands(step.text).some((w) => w[0] === 'sudo')) return;
      ctx.report({ message: `History step ${i + 1} runs sudo.`, at: configPointer(doc, 'history', i, 'created_by'), fingerprintData: `history:${h.created_by}` });
    });
  },
});
