import { describeFile, fileReport, type ImageDocument } from '../../parsers/image/document.js';
import { defineRule } from '../types.js';

export default defineRule<ImageDocument>({
  meta: {
    id: 'IMG-004',
    slug: 'setuid-setgid-file',
    title: 'setuid or setgid file in the image',
    severity: 'low',
    appliesTo: ['image'],
    description: 'setuid and setgid programs run with their owner’s or group’s rights, so a flaw in any of them lets a process in the container raise its privileges.',
    remediation: 'Remove the bits in the Dockerfile (RUN chmod u-s,g-s FILE) or the programs themselves, and run containers with allowPrivilegeEscalation: false.',
    aliases: ['CIS-DI-0008'],
    practice: 'P6',
    references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#cis-di-0008'],
    examples: {
      bad: ['{"reference": "app:1", "config": {}, "files": [\n  {"path": "/usr/bin/passwd", "type": "file", "mode": "4755", "uid": 0, "gid": 0, "size": 68208, "layer": "sha256:aa"}\n]}\n'],
      good: ['{"reference": "app:1", "config": {}, "files": [\n  {"path": "/usr/bin/passwd", "type": "file", "mode": "0755", "uid": 0, "gid": 0, "size": 68208, "layer": "sha256:aa"},\n  {"path": "/usr/bin/old", "type": "file", "mode": "4755", "uid": 0, "gid": 0, "size": 1, "layer": "sha256:aa", "removed": "replaced"}\n]}\n'],
    },
  },
  check(doc, ctx) {
    doc.files.forEach((f, i) => {
      // Only the final filesystem matters: a replaced file's bits cannot be used.
      if (f.removed || (f.type !== 'file' && f.type !== 'hardlink')) return;
      const bits = [f.mode & 0o4000 ? 'setuid' : '', f.mode & 0o2000 ? 'setgid' : ''].filter(Boolean).join(' and ');
      if (!bits) return;
      ctx.report({ message: `${describeFile(f)} is ${bits} (mode ${f.mode.toString(8).padStart(4, '0')}, owner ${f.uid}:${f.gid}).`, ...fileReport(doc, i) });
    });
  },
});
