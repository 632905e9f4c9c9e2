import { detector } from './define.js';

/** A line break inside an armored block: a real one, or `\\n` in a JSON or YAML string. Disjoint, so no backtracking blow-up. */
const SEP = '(?:\\\\n|\\s{1,8})';

/** Armored private keys: header, a base64 body of some length, footer. */
const armored = (id: string, title: string, label: string, keyword: string, severity: 'critical' | 'high' = 'critical') =>
  detector({
    id,
    title,
    category: 'private-key',
    severity,
    keywords: [keyword],
    pattern: new RegExp(
      `(-----BEGIN ${label}-----${SEP}(?:[A-Za-z-]{1,40}: [A-Za-z0-9,\\- ]{0,120}${SEP}){0,6}(?:[A-Za-z0-9+/=]{16,100}${SEP}){2,400}[A-Za-z0-9+/=]{0,100}${SEP}?-----END ${label}-----)`,
    ),
    multiline: 64 * 1024,
    noPlaceholderCheck: true,
    body: (s) => s.replace(/-----[A-Z ]+-----/g, '').replace(/\\n|\s/g, ''),
    minEntropy: 4,
    priority: 3,
  });

export const keyDetectors = [
  armored('pem-private-key', 'PEM private key (RSA, EC or DSA)', '(?:RSA|EC|DSA) PRIVATE KEY', '-----begin'),
  armored('pkcs8-private-key', 'PKCS#8 private key', 'PRIVATE KEY', '-----begin private key-----'),
  armored('pkcs8-encrypted-private-key', 'Encrypted PKCS#8 private key', 'ENCRYPTED PRIVATE KEY', '-----begin encrypted private key-----', 'high'),
  armored('openssh-private-key', 'OpenSSH private key', 'OPENSSH PRIVATE KEY', '-----begin openssh private key-----'),
  armored('pgp-private-key-block', 'PGP private key block', 'PGP PRIVATE KEY BLOCK', '-----begin pgp private key block-----'),
  detector({
    id: 'putty-private-key',
    title: 'PuTTY private key',
    category: 'private-key',
    severity: 'critical',
    keywords: ['putty-user-key-file-'],
    pattern: /(PuTTY-User-Key-File-[23]: [A-Za-z0-9\-@.]{3,64}\r?\nEncryption: [a-z0-9\-]{1,32}\r?\nComment: [^\r\n]{0,200}\r?\nPublic-Lines: \d{1,3}\r?\n(?:[A-Za-z0-9+/=]{1,100}\r?\n){1,100}(?:[A-Za-z0-9\-]{1,32}: [^\r\n]{0,200}\r?\n){0,6}Private-Lines: \d{1,3}\r?\n(?:[A-Za-z0-9+/=]{1,100}\r?\n){1,100}Private-MAC: [0-9a-f]{40,64})/,
    multiline: 64 * 1024,
    noPlaceholderCheck: true,
    body: (s) => s.slice(s.indexOf('Private-Lines')),
    minEntropy: 4,
    priority: 3,
  }),
];
