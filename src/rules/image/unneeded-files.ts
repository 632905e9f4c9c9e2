import { describeFile, fileReport, type ImageDocument } from '../../parsers/image/document.js';
import { defineRule } from '../types.js';

/** Version-control metadata and desktop litter: never needed at run time, and .git can leak history. */
const DIRS = new Set(['.git', '.svn', '.hg', '.bzr']);
const FILES = new Set(['.DS_Store', 'Thumbs.db', '.gitconfig']);

export default defineRule<ImageDocument>({
  meta: {
    id: 'IMG-018',
    slug: 'unneeded-files',
    title: 'Version-control metadata or stray files in the image',
    severity: 'low',
    appliesTo: ['image'],
    description: 'A .git (or .svn, .hg) directory copied into an image carries the source history, remotes and sometimes tokens, and nothing in the container needs it.',
    remediation: 'List .git and similar paths in .dockerignore, or copy only the build output into the final stage.',
    aliases: ['DKL-LI-0003'],
    practice: 'P6',
    references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#dkl-li-0003', 'https://docs.docker.com/build/concepts/context/#dockerignore-files'],
    examples: {
      bad: ['{"reference": "app:1", "config": {}, "files": [\n  {"path": "/app/.git", "type": "dir", "mode": "0755", "uid": 0, "gid": 0, "size": 0, "layer": "sha256:aa"}\n]}\n'],
      good: ['{"reference": "app:1", "config": {}, "files": [\n  {"path": "/app/.gitignore", "type": "file", "mode": "0644", "uid": 0, "gid": 0, "size": 10, "layer": "sha256:aa"}\n]}\n'],
    },
  },
  check(doc, ctx) {
    doc.files.forEach((f, i) => {
      if (f.removed) return;
      const name = f.path.slice(f.path.lastIndexOf('/') + 1);
      const hit = (f.type === 'dir' && DIRS.has(name)) || (f.type === 'file' && FILES.has(name));
      if (!hit) return;
      // One finding per repository: not for what lies inside an already reported .git.
      if (f.path.split('/').slice(0, -1).some((part) => DIRS.has(part))) return;
      ctx.report({ message: `${describeFile(f)} is not needed at run time${f.type === 'dir' ? ' and may expose source history' : ''}.`, ...fileReport(doc, i) });
    });
  },
});
