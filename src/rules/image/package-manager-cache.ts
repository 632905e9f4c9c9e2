import { describeFile, fileReport, type ImageDocument } from '../../parsers/image/document.js';
import { defineRule } from '../types.js';

/** Cache directories of package managers, with what to run to avoid them. */
const CACHES: { dir: RegExp; name: string; fix: string; keep?: RegExp }[] = [
  { dir: /^\/var\/lib\/apt\/lists\//, name: 'apt package lists', fix: 'rm -rf /var/lib/apt/lists/*', keep: /\/(?:lock|partial\/?)$/ },
  { dir: /^\/var\/cache\/apt\//, name: 'apt cache', fix: 'apt-get clean', keep: /\/(?:lock|partial\/?)$/ },
  { dir: /^\/var\/cache\/apk\//, name: 'apk cache', fix: 'apk add --no-cache' },
  { dir: /^\/var\/cache\/(?:yum|dnf)\//, name: 'yum/dnf cache', fix: 'yum clean all / dnf clean all' },
  { dir: /^\/var\/cache\/zypp\//, name: 'zypper cache', fix: 'zypper clean -a' },
  { dir: /^\/(?:root|home\/[^/]+)\/\.cache\/pip\//, name: 'pip cache', fix: 'pip install --no-cache-dir' },
  { dir: /^\/(?:root|home\/[^/]+)\/\.npm\/_cacache\//, name: 'npm cache', fix: 'npm cache clean --force' },
  { dir: /^\/usr\/local\/share\/\.cache\/yarn\//, name: 'yarn cache', fix: 'yarn cache clean' },
];

export default defineRule<ImageDocument>({
  meta: {
    id: 'IMG-006',
    slug: 'package-manager-cache',
    title: 'Package manager cache left in the image',
    severity: 'low',
    appliesTo: ['image'],
    description: 'Package indexes and downloaded packages left in the image make it larger and carry stale data that tools may trust later.',
    remediation: 'Clean the cache in the same RUN that fills it (rm -rf /var/lib/apt/lists/*, apk add --no-cache, pip --no-cache-dir, …).',
    aliases: [],
    practice: 'P6',
    references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    examples: {
      bad: ['{"reference": "app:1", "config": {}, "files": [\n  {"path": "/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4", "type": "file", "mode": "0644", "uid": 0, "gid": 0, "size": 9000000, "layer": "sha256:aa"}\n]}\n'],
      good: ['{"reference": "app:1", "config": {}, "files": [\n  {"path": "/var/lib/apt/lists/lock", "type": "file", "mode": "0640", "uid": 0, "gid": 0, "size": 0, "layer": "sha256:aa"}\n]}\n'],
    },
  },
  check(doc, ctx) {
    // One finding per cache, at its first file, with the total size.
    const seen = new Map<string, { index: number; files: number; bytes: number }>();
    doc.files.forEach((f, i) => {
      if (f.removed || f.type !== 'file' || f.size === 0) return;
      const cache = CACHES.find((c) => c.dir.test(f.path) && !(c.keep && c.keep.test(f.path)));
      if (!cache) return;
      const key = `${cache.name}@${f.layer}`;
      const s = seen.get(key);
      if (s) {
        s.files += 1;
        s.bytes += f.size;
      } else seen.set(key, { index: i, files: 1, bytes: f.size });
    });
    for (const [key, s] of seen) {
      const name = key.slice(0, key.indexOf('@'));
      const cache = CACHES.find((c) => c.name === name)!;
      const f = doc.files[s.index]!;
      ctx.report({
        message: `The ${name} is left in the image: ${s.files} file(s), ${s.bytes} bytes, starting with ${describeFile(f)}. Use ${cache.fix}.`,
        ...fileReport(doc, s.index),
        fingerprintData: key,
      });
    }
  },
});
