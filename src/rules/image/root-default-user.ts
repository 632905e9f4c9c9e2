import { configPointer, type ImageDocument } from '../../parsers/image/document.js';
import { defineRule } from '../types.js';

const ROOT = /^(?:root|0)(?::(?:root|0))?$/;

export default defineRule<ImageDocument>({
  meta: {
    id: 'IMG-001',
    slug: 'root-default-user',
    title: 'Image runs as root by default',
    severity: 'medium',
    appliesTo: ['image'],
    description: 'A container started from an image without a non-root USER runs as root, so any flaw in the process hands an attacker root inside the container.',
    remediation: 'Create an unprivileged user in the image and set it with USER (for example USER 10001:10001).',
    aliases: ['CIS-DI-0001'],
    practice: 'P6',
    references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#cis-di-0001', 'https://docs.docker.com/build/building/best-practices/#user'],
    examples: {
      bad: ['{"reference": "app:1", "config": {"config": {"User": ""}}, "files": []}\n'],
      good: ['{"reference": "app:1", "config": {"config": {"User": "10001:10001"}}, "files": []}\n'],
    },
  },
  check(doc, ctx) {
    const user = doc.config.config?.User;
    if (typeof user === 'string' && user.trim() !== '' && !ROOT.test(user.trim())) return;
    const hasField = typeof user === 'string';
    const hasConfig = doc.config.config && typeof doc.config.config === 'object';
    ctx.report({
      message: hasField && user!.trim() !== '' ? `The image's default user is "${user}" (root).` : 'The image sets no default user, so containers run as root.',
      at: hasField ? configPointer(doc, 'config', 'User') : hasConfig ? configPointer(doc, 'config') : { pointer: [...doc.configBase] },
      fingerprintData: 'config.User',
    });
  },
});
