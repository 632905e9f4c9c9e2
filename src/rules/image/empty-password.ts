import { accountReport, type ImageDocument } from '../../parsers/image/document.js';
import { defineRule } from '../types.js';

export default defineRule<ImageDocument>({
  meta: {
    id: 'IMG-016',
    slug: 'empty-password',
    title: 'Account without a password in the image',
    severity: 'high',
    appliesTo: ['image'],
    description: 'An account whose /etc/shadow password field is empty can log in or su without any password, as root did in Alpine images hit by CVE-2019-5021.',
    remediation: 'Lock the account (passwd -l NAME, or "!" or "*" in the password field of /etc/shadow).',
    aliases: ['DKL-LI-0001'],
    practice: 'P6',
    references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#dkl-li-0001', 'https://nvd.nist.gov/vuln/detail/CVE-2019-5021'],
    examples: {
      bad: ['{"reference": "app:1", "config": {}, "files": [], "accounts": [\n  {"file": "shadow", "name": "root", "emptyPassword": true, "line": 1, "layer": "sha256:aa"}\n]}\n'],
      good: ['{"reference": "app:1", "config": {}, "files": [], "accounts": [\n  {"file": "shadow", "name": "root", "emptyPassword": false, "line": 1, "layer": "sha256:aa"}\n]}\n'],
    },
  },
  check(doc, ctx) {
    doc.accounts.forEach((a, i) => {
      if (a.file !== 'shadow' || !a.emptyPassword) return;
      ctx.report({ message: `Account "${a.name}" has an empty password (/etc/shadow line ${a.line}).`, ...accountReport(doc, i) });
    });
  },
});
