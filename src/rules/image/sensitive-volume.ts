import { configPointer, type ImageDocument } from '../../parsers/image/document.js';
import { defineRule } from '../types.js';

const SENSITIVE = /^\/(?:dev|proc|sys)(?:\/|$)/;

export default defineRule<ImageDocument>({
  meta: {
    id: 'IMG-015',
    slug: 'sensitive-volume',
    title: 'Image declares a volume on a system directory',
    severity: 'medium',
    appliesTo: ['image'],
    description: 'A VOLUME on /dev, /proc or /sys invites mounting the host’s own, which exposes the host’s devices and kernel settings to the container.',
    remediation: 'Remove the VOLUME instruction for /dev, /proc or /sys.',
    aliases: ['DKL-DI-0002'],
    practice: 'P6',
    references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#dkl-di-0002'],
    examples: {
      bad: ['{"reference": "app:1", "config": {"config": {"Volumes": {"/proc": {}}}}, "files": []}\n'],
      good: ['{"reference": "app:1", "config": {"config": {"Volumes": {"/data": {}}}}, "files": []}\n'],
    },
  },
  check(doc, ctx) {
    const volumes = doc.config.config?.Volumes;
    if (!volumes || typeof volumes !== 'object') return;
    for (const key of Object.keys(volumes)) {
      if (!SENSITIVE.test(key)) continue;
      ctx.report({ message: `The image declares a volume on ${key}.`, at: configPointer(doc, 'config', 'Volumes', key), fingerprintData: `volume:${key}` });
    }
  },
});
