import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCatalog } from './index.js';
import { dockerArchiveFiles } from './fixtures/docker-archive.js';

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus/dockle/image-tarballs');
const tarball = path.join(corpus, 'alpine-310.tar.gz');
const present = existsSync(tarball);

describe.skipIf(!present)('alpine 3.10.4 image from the dockle corpus', () => {
  it('yields exactly the 14 apk packages, with origins and licences', async () => {
    const catalog = createCatalog();
    for await (const f of dockerArchiveFiles(tarball, (p) => catalog.wants(p))) catalog.add(f);
    const pkgs = catalog.finish();
    const expected = readFileSync(path.join(corpus, 'alpine-310.packages.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'));
    const got = pkgs.map((p) => [p.name, p.version, p.sourceName, (p.licenses ?? []).join(' ')]).sort((a, b) => a[0]!.localeCompare(b[0]!));
    expect(got).toEqual(expected.sort((a, b) => a[0]!.localeCompare(b[0]!)));
    expect(catalog.problems()).toEqual([]);
    for (const p of pkgs) {
      expect(p.type).toBe('apk');
      expect(p.ecosystem).toBe('Alpine:v3.10');
      expect(p.purl).toMatch(/^pkg:apk\/alpine\/[^@]+@[^?]+\?arch=x86_64&distro=alpine-3\.10\.4/);
      expect(p.locations[0]!.path).toBe('/lib/apk/db/installed');
      expect(p.locations[0]!.layer).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
  });
});

if (!present) console.log(`skipping the alpine corpus test: ${tarball} not found`);
