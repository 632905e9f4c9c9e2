import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';

/** Test-side builders of hostile or odd images, entirely in memory. */

export interface TarEntry {
  name: string;
  type?: 'file' | 'directory' | 'symlink' | 'link';
  data?: string | Buffer;
  linkname?: string;
  mode?: number;
  size?: number;
}

export async function tarOf(entries: TarEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const c of pack) chunks.push(Buffer.from(c as Uint8Array));
  })();
  for (const e of entries) {
    const data = e.data === undefined ? undefined : Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data);
    const header: tar.Headers = { name: e.name, type: e.type ?? 'file', mode: e.mode ?? (e.type === 'directory' ? 0o755 : 0o644), mtime: new Date(0) };
    if (e.linkname !== undefined) header.linkname = e.linkname;
    if (data) header.size = data.length;
    await new Promise<void>((resolve, reject) => {
      pack.entry(header, data ?? (e.type === 'file' || !e.type ? Buffer.alloc(0) : undefined), (err?: Error | null) => (err ? reject(err) : resolve()));
    });
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

export const sha256 = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

export interface LayoutOptions {
  /** Layer tarballs (uncompressed); each is gzip-compressed unless `raw` is set. */
  layers: Buffer[];
  raw?: boolean;
  config?: Record<string, unknown>;
  /** Replace a blob's bytes after digests are computed (digest mismatch, truncation). */
  tamper?: (digest: string, bytes: Buffer, kind: 'layer' | 'config' | 'manifest') => Buffer;
  /** Wrap the manifest in an index whose entries carry these platforms. */
  platforms?: { os: string; architecture: string; variant?: string }[];
  /** Override diff ids in the configuration. */
  diffIds?: string[];
}

/** An OCI image layout as tar entries (index.json, oci-layout, blobs). */
export function ociLayoutEntries(opts: LayoutOptions): { entries: TarEntry[]; manifestDigest: string; layerDigests: string[] } {
  const blobs = new Map<string, Buffer>();
  const kinds = new Map<string, 'layer' | 'config' | 'manifest'>();
  const add = (b: Buffer, kind: 'layer' | 'config' | 'manifest') => {
    const d = sha256(b);
    blobs.set(d, b);
    kinds.set(d, kind);
    return d;
  };
  const stored = opts.layers.map((l) => (opts.raw ? l : gzipSync(l)));
  const layerDigests = stored.map((b) => add(b, 'layer'));
  const config = {
    architecture: 'amd64',
    os: 'linux',
    config: { User: '1000' },
    rootfs: { type: 'layers', diff_ids: opts.diffIds ?? opts.layers.map((l) => sha256(l)) },
    history: opts.layers.map((_, i) => ({ created_by: `layer ${i}` })),
    ...(opts.config ?? {}),
  };
  const configBytes = Buffer.from(JSON.stringify(config));
  const configDigest = add(configBytes, 'config');
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: configBytes.length },
      layers: stored.map((b, i) => ({ mediaType: opts.raw ? 'application/vnd.oci.image.layer.v1.tar' : 'application/vnd.oci.image.layer.v1.tar+gzip', digest: layerDigests[i], size: b.length })),
    }),
  );
  const manifestDigest = add(manifest, 'manifest');
  const descriptors = (opts.platforms ?? [undefined]).map((p) => ({
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    digest: manifestDigest,
    size: manifest.length,
    ...(p ? { platform: p } : {}),
  }));
  const index = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: descriptors };
  const entries: TarEntry[] = [
    { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
    { name: 'index.json', data: JSON.stringify(index) },
  ];
  for (const [d, b] of blobs) {
    const bytes = opts.tamper ? opts.tamper(d, b, kinds.get(d)!) : b;
    entries.push({ name: `blobs/sha256/${d.slice(7)}`, data: bytes });
  }
  return { entries, manifestDigest, layerDigests };
}

/** A `docker save` tarball in the legacy layout (manifest.json, <id>/layer.tar). */
export async function dockerArchive(layers: Buffer[], config: Record<string, unknown> = {}, storedLayers?: Buffer[]): Promise<Buffer> {
  const cfg = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: layers.map((l) => sha256(l)) }, ...config }));
  const cfgName = `${sha256(cfg).slice(7)}.json`;
  const entries: TarEntry[] = [{ name: cfgName, data: cfg }];
  const names: string[] = [];
  (storedLayers ?? layers).forEach((l, i) => {
    const id = `${String(i).padStart(2, '0')}${'a'.repeat(62)}`;
    names.push(`${id}/layer.tar`);
    entries.push({ name: `${id}/layer.tar`, data: l });
  });
  entries.push({ name: 'manifest.json', data: JSON.stringify([{ Config: cfgName, RepoTags: ['test/image:1'], Layers: names }]) });
  return tarOf(entries);
}
