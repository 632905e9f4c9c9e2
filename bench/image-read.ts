/**
 * Reading an image's filesystem: drydock's streaming reader (layers decompressed, digests checked,
 * whiteouts applied, the catalog's files buffered, nothing written) against `umoci unpack`, which
 * extracts the same OCI layout to disk, measured in one run on the Debian minbase image that
 * scripts/ci-images.sh builds. Prints the ratio (umoci time / drydock time).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCatalog } from '../src/catalog/index.js';
import { openImage } from '../src/sources/image/index.js';

const cache = process.env.DRYDOCK_TEST_CACHE ?? `${process.env.XDG_CACHE_HOME ?? '/var/cache'}/drydock-test`;
const envFile = path.join(cache, 'env.json');
if (!existsSync(envFile)) {
  console.log(`image-read: ${envFile} not found; run scripts/ci-images.sh first. Skipped.`);
  process.exit(0);
}
const env = JSON.parse(readFileSync(envFile, 'utf8')) as { oci: string; archives?: { debian?: { docker?: string } } };

async function drydock(ref = `oci:${env.oci}:debian`): Promise<{ ms: number; files: number }> {
  const catalog = createCatalog({ lockfiles: false });
  const t0 = performance.now();
  const img = await openImage(ref, { wants: (p) => catalog.wants(p) });
  return { ms: performance.now() - t0, files: img.files.length };
}

function umoci(): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'drydock-bench-umoci-'));
  try {
    const t0 = performance.now();
    execFileSync('umoci', ['unpack', '--rootless', '--image', `${env.oci}:debian`, path.join(dir, 'bundle')], { stdio: 'ignore' });
    return performance.now() - t0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ours: number[] = [];
const theirs: number[] = [];
// The same image saved by `docker save` (one uncompressed layer in a tar on disk), read in place.
const archive = env.archives?.debian?.docker;
const inPlace: number[] = [];
let files = 0;
for (let i = 0; i < 3; i++) {
  const r = await drydock();
  ours.push(r.ms);
  files = r.files;
  theirs.push(umoci());
  if (archive && existsSync(archive)) inPlace.push((await drydock(`docker-archive:${archive}`)).ms);
}
const best = (xs: number[]) => Math.min(...xs);
console.log(`image-read: Debian minbase OCI layout, ${files} files`);
console.log(`  drydock stream read  best ${best(ours).toFixed(0)} ms  (runs: ${ours.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`  umoci unpack (disk)  best ${best(theirs).toFixed(0)} ms  (runs: ${theirs.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`  ratio umoci/drydock: ${(best(theirs) / best(ours)).toFixed(2)}x`);
if (inPlace.length > 0) console.log(`  drydock docker-archive tar read in place  best ${best(inPlace).toFixed(0)} ms  (runs: ${inPlace.map((x) => x.toFixed(0)).join(', ')})`);
