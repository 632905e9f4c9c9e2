import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Descriptor } from '../../parsers/image/manifest.js';
import { resolveOciManifest } from './archive.js';
import { assembleImage } from './assemble.js';
import { ImageError } from './errors.js';
import { inspectOptions, readLayerFile, ReadBudget } from './layer.js';
import { resolveLimits } from './limits.js';
import type { ReadImage, ReadImageOptions } from './types.js';

/** Path of a blob inside a layout; the digest was checked to be sha256:<64 hex>, so it cannot escape. */
function blobPath(dir: string, d: Descriptor): string {
  return join(dir, 'blobs', 'sha256', d.digest.slice('sha256:'.length));
}

function regularFile(path: string, what: string, max?: number): number {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    throw new ImageError('not-found', `OCI layout: ${what} is missing`);
  }
  // A link could point anywhere on the machine: blobs must be plain files inside the layout.
  if (!st.isFile()) throw new ImageError('corrupt-blob', `OCI layout: ${what} is not a regular file`);
  if (max !== undefined && st.size > max) throw new ImageError('too-large', `OCI layout: ${what} is ${st.size} bytes, over the ${max}-byte limit`);
  return st.size;
}

/** Reads an image from an OCI image layout directory (`oci-layout`, `index.json`, `blobs/`). */
export async function readOciLayout(dir: string, reference: string, options: ReadImageOptions = {}): Promise<ReadImage> {
  const limits = resolveLimits(options.limits);
  const indexPath = join(dir, 'index.json');
  regularFile(indexPath, 'index.json', limits.maxManifestBytes);
  const load = (d: Descriptor) => {
    const p = blobPath(dir, d);
    regularFile(p, `blob ${d.digest}`, limits.maxManifestBytes);
    return readFileSync(p);
  };
  const found = resolveOciManifest(readFileSync(indexPath), load, options);
  const m = found.manifest;
  if (m.layers.length > limits.maxLayers) throw new ImageError('too-large', `image has ${m.layers.length} layers (limit ${limits.maxLayers})`);
  const configBytes = load(m.config);
  const cd = `sha256:${createHash('sha256').update(configBytes).digest('hex')}`;
  if (cd !== m.config.digest) throw new ImageError('digest-mismatch', `configuration ${m.config.digest}: the bytes hash to ${cd}`);
  let diffIds: string[] | undefined;
  try {
    const cfg = JSON.parse(configBytes.toString('utf8')) as { rootfs?: { diff_ids?: unknown } };
    if (Array.isArray(cfg.rootfs?.diff_ids)) diffIds = cfg.rootfs!.diff_ids as string[];
  } catch {
    /* reported by assembleImage */
  }
  const budget = new ReadBudget(limits);
  const layers = [];
  for (const [i, d] of m.layers.entries()) {
    const p = blobPath(dir, d);
    regularFile(p, `layer ${d.digest}`);
    const read = await readLayerFile(p, {
      name: d.digest,
      wants: options.wants ?? (() => false),
      budget,
      ...inspectOptions(options, d.digest),
      expectDigest: d.digest,
      expectSize: d.size,
      ...(diffIds?.[i] ? { expectDiffId: diffIds[i] } : {}),
    });
    layers.push({ read, descriptor: d });
  }
  return assembleImage({
    reference: reference || found.refName || found.digest,
    source: 'oci-layout',
    manifestDigest: found.digest,
    configDigest: m.config.digest,
    configBytes,
    layers,
    ...(found.platform ? { platform: found.platform } : {}),
  });
}
