import { describeFile, fileReport, type ImageDocument } from '../../parsers/image/document.js';
import { defineRule } from '../types.js';

export default defineRule<ImageDocument>({
  meta: {
    id: 'IMG-005',
    slug: 'world-writable-path',
    title: 'World-writable file or directory in the image',
    severity: 'medium',
    appliesTo: ['image'],
    description: 'Any user in the container can change a world-writable file, or replace files in a world-writable directory without the sticky bit, to plant code that others run.',
    remediation: 'Remove write permission for others (chmod o-w), or set the sticky bit on shared directories (chmod +t).',
    aliases: [],
    practice: 'P6',
    references: ['https://docs.docker.com/build/building/best-practices/'],
    examples: {
      bad: ['{"reference": "app:1", "config": {}, "files": [\n  {"path": "/app/run.sh", "type": "file", "mode": "0777", "uid": 0, "gid": 0, "size": 10, "layer": "sha256:aa"}\n]}\n'],
      good: ['{"reference": "app:1", "config": {}, "files": [\n  {"path": "/tmp", "type": "dir", "mode": "1777", "uid": 0, "gid": 0, "size": 0, "layer": "sha256:aa"},\n  {"path": "/bin/sh", "type": "symlink", "mode": "0777", "uid": 0, "gid": 0, "size": 0, "layer": "sha256:aa", "linkname": "busybox"}\n]}\n'],
    },
  },
  check(doc, ctx) {
    doc.files.forEach((f, i) => {
      if (f.removed || !(f.mode & 0o002)) return;
      // Link permissions are not used; shared directories with the sticky bit are the norm (/tmp).
      if (f.type === 'symlink' || f.type === 'char' || f.type === 'block' || f.type === 'fifo') return;
      if (f.type === 'dir' && f.mode & 0o1000) return;
      ctx.report({ message: `${f.type === 'dir' ? 'Directory' : 'File'} ${describeFile(f)} is world-writable (mode ${f.mode.toString(8).padStart(4, '0')}).`, ...fileReport(doc, i) });
    });
  },
});
