import { accountReport, type ImageDocument } from '../../parsers/image/document.js';
import { defineRule } from '../types.js';

export default defineRule<ImageDocument>({
  meta: {
    id: 'IMG-017',
    slug: 'duplicate-account-id',
    title: 'Two accounts or groups share an id',
    severity: 'low',
    appliesTo: ['image'],
    description: 'Accounts that share a UID (or groups that share a GID) are the same identity to the kernel, so rights given to one silently go to the other.',
    remediation: 'Give each account in /etc/passwd its own UID and each group in /etc/group its own GID.',
    aliases: ['DKL-LI-0002'],
    practice: 'P6',
    references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#dkl-li-0002'],
    examples: {
      bad: ['{"reference": "app:1", "config": {}, "files": [], "accounts": [\n  {"file": "passwd", "name": "root", "id": 0, "line": 1, "layer": "sha256:aa"},\n  {"file": "passwd", "name": "toor", "id": 0, "line": 2, "layer": "sha256:aa"}\n]}\n'],
      good: ['{"reference": "app:1", "config": {}, "files": [], "accounts": [\n  {"file": "passwd", "name": "root", "id": 0, "line": 1, "layer": "sha256:aa"},\n  {"file": "group", "name": "root", "id": 0, "line": 1, "layer": "sha256:aa"}\n]}\n'],
    },
  },
  check(doc, ctx) {
    const first = new Map<string, number>();
    doc.accounts.forEach((a, i) => {
      if (a.file === 'shadow' || a.id === undefined) return;
      const key = `${a.file}:${a.id}`;
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, i);
        return;
      }
      const other = doc.accounts[earlier]!;
      ctx.report({
        message: `${a.file === 'passwd' ? 'Account' : 'Group'} "${a.name}" has ${a.file === 'passwd' ? 'UID' : 'GID'} ${a.id}, already used by "${other.name}" (/etc/${a.file} lines ${other.line} and ${a.line}).`,
        ...accountReport(doc, i),
      });
    });
  },
});
