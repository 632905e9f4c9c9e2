import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type tarStream from 'tar-stream';
import { lazy } from '../../util/lazy.js';

const tar = lazy<typeof tarStream>('tar-stream');
import { selectPlatform, isSha256Digest, parseManifestDocument, hostPlatform, type Descriptor, type ImageManifest } from '../../parsers/image/manifest.js';
import { normalizeEntryPath, resolveSymlinkTarget } from '../../parsers/image/paths.js';
import { assembleImage } from './assemble.js';
import { ImageError } from './errors.js';
import { inspectOptions, readLayer, readLayerFile, ReadBudget, sniff, through, zstd, type LayerRead, type WantsFile } from './layer.js';
import { resolveLimits, type ImageLimits } from './limits.js';
import { FileRangeReader, SyncTar } from './tar-sync.js';
import type { ImageProblem, ReadImage, ReadImageOptions } from './types.js';

const HEX64 = /^[a-f0-9]{64}$/;

/** The digest a file name promises: `blobs/sha256/<hex>`, `<hex>.json`, `<hex>.tar`, `<hex>/layer.tar` is not one (a v1 id). */
function namedDigest(path: string): string | undefined {
  const m = /^blobs\/sha256\/([a-f0-9]{64})$/.exec(path) ?? /^([a-f0-9]{64})\.(?:json|tar)$/.exec(path);
  return m ? `sha256:${m[1]}` : undefined;
}

function looksLikeJson(head: Uint8Array): boolean {
  for (const b of head) {
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
    return b === 0x7b || b === 0x5b;
  }
  return false;
}

function looksLikeTar(head: Uint8Array): boolean {
  if (head.length >= 262 && Buffer.from(head.subarray(257, 262)).toString('latin1') === 'ustar') return true;
  // An empty layer is only zero blocks.
  return head.length >= 512 && head.subarray(0, 512).every((b) => b === 0);
}

/** Reads the first `n` bytes of an entry without losing them. */
async function peek(entry: AsyncIterable<Uint8Array>, n: number): Promise<{ head: Uint8Array; rest: AsyncIterable<Uint8Array> }> {
  const it = entry[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let got = 0;
  let done = false;
  while (got < n) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    chunks.push(r.value);
    got += r.value.length;
  }
  const head = Buffer.concat(chunks);
  const rest = (async function* () {
    if (head.length) yield head;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  })();
  return { head, rest };
}

async function* decompressed(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const { head, rest } = await peek(source, 4);
  const kind = sniff(head);
  if (kind === 'gzip') yield* through(rest, createGunzip({ chunkSize: 64 * 1024 }));
  else if (kind === 'zstd') yield* zstd(rest);
  else yield* rest;
}

interface DockerManifestEntry {
  Config: string;
  RepoTags?: string[] | null;
  Layers: string[];
}

/**
 * Reads a `docker save` tarball or an OCI image layout tarball in one streaming pass (the outer
 * archive may be gzip or zstd compressed). Blobs are recognised by their bytes: JSON documents are
 * kept (bounded), layers are read as they stream by, everything else is drained. Nothing is
 * extracted; links inside the archive only alias other entries, never escape it.
 */
export async function readImageArchive(source: AsyncIterable<Uint8Array>, reference: string, options: ReadImageOptions = {}): Promise<ReadImage> {
  const limits = resolveLimits(options.limits);
  const budget = new ReadBudget(limits);
  const wants: WantsFile = options.wants ?? (() => false);
  const json = new Map<string, Uint8Array>();
  const layers = new Map<string, LayerRead>();
  const aliases = new Map<string, string>();
  const problems: ImageProblem[] = [];
  let entries = 0;

  const extract = tar().extract();
  let feedError: unknown;
  const feeder = (async () => {
    try {
      for await (const c of decompressed(source)) {
        if (extract.destroyed) break;
        if (!extract.write(c)) {
          await new Promise<void>((resolve) => {
            const done = () => {
              extract.off('drain', done);
              extract.off('close', done);
              resolve();
            };
            extract.on('drain', done);
            extract.on('close', done);
          });
        }
      }
      if (!extract.destroyed) (extract as unknown as { end(): void }).end();
    } catch (e) {
      feedError = e;
      extract.destroy(e as Error);
    }
  })();

  try {
    for await (const entry of extract) {
      const path = admitEntry(entry.header, ++entries, limits, aliases);
      if (path === undefined) {
        for await (const _ of entry) void _;
        continue;
      }
      const size = entry.header.size ?? 0;
      const { head, rest } = await peek(entry as unknown as AsyncIterable<Uint8Array>, 512);
      const expect = namedDigest(path);
      const kind = blobKind(path, head, size, limits);
      if (kind === 'json') {
        const chunks: Uint8Array[] = [];
        for await (const c of rest) chunks.push(c);
        json.set(path, checkedJson(path, Buffer.concat(chunks), expect));
      } else if (kind === 'layer') {
        const read = await readLayer(rest, { name: path, wants, budget, ...inspectOptions(options, path), ...(expect ? { expectDigest: expect } : {}), expectSize: size });
        layers.set(path, read);
      } else {
        for await (const _ of rest) void _;
      }
    }
  } catch (e) {
    extract.destroy();
    await feeder;
    if (e instanceof ImageError) throw e;
    if (feedError instanceof ImageError) throw feedError;
    throw new ImageError('corrupt-blob', `archive is not a readable tar: ${(feedError as Error | undefined)?.message ?? (e as Error).message}`, { cause: e });
  }
  await feeder;
  if (feedError) throw feedError instanceof ImageError ? feedError : new ImageError('corrupt-blob', `archive: ${(feedError as Error).message}`);
  return assembleArchive({ json, layers, aliases, problems }, reference, options, limits);
}

/**
 * Reads a `docker save` or OCI layout tarball that is a file on disk. An uncompressed archive is
 * walked by its headers without streams: JSON documents are read, uncompressed layers are read in
 * place (readLayerSync), compressed ones streamed from their byte range, and everything else is
 * passed over unread. A compressed archive is streamed through `readImageArchive`.
 */
export async function readImageArchiveFile(file: string, reference: string, options: ReadImageOptions = {}): Promise<ReadImage> {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const magic = Buffer.alloc(4);
    const n = readSync(fd, magic, 0, 4, 0);
    if (sniff(magic.subarray(0, n)) !== 'none') return await readImageArchive(createReadStream(file), reference, options);
    const limits = resolveLimits(options.limits);
    const budget = new ReadBudget(limits);
    const wants: WantsFile = options.wants ?? (() => false);
    const found: ArchiveContents = { json: new Map(), layers: new Map(), aliases: new Map(), problems: [] };
    const outer = new SyncTar(new FileRangeReader(fd, 0, size));
    let entries = 0;
    try {
      for (let h = outer.next(); h; h = outer.next()) {
        const path = admitEntry(h, ++entries, limits, found.aliases);
        if (path === undefined) continue;
        const at = outer.contentPosition;
        const head = Buffer.alloc(Math.min(512, h.size));
        readSync(fd, head, 0, head.length, at);
        const expect = namedDigest(path);
        const kind = blobKind(path, head, h.size, limits);
        if (kind === 'json') {
          found.json.set(path, checkedJson(path, outer.take(h.size), expect));
        } else if (kind === 'layer') {
          const opts = { name: path, wants, budget, ...inspectOptions(options, path), ...(expect ? { expectDigest: expect } : {}), expectSize: h.size };
          found.layers.set(path, await readLayerFile(file, opts, { start: at, length: h.size }));
          outer.jumpContent();
        } else {
          outer.jumpContent();
        }
      }
    } catch (e) {
      if (e instanceof ImageError) throw e;
      throw new ImageError('corrupt-blob', `archive is not a readable tar: ${(e as Error).message}`, { cause: e });
    }
    return assembleArchive(found, reference, options, limits);
  } finally {
    closeSync(fd);
  }
}

interface ArchiveContents {
  json: Map<string, Uint8Array>;
  layers: Map<string, LayerRead>;
  /** Archive links: path -> the entry it aliases. */
  aliases: Map<string, string>;
  problems: ImageProblem[];
}

/**
 * Checks one outer archive entry: the entry limit, no absolute or climbing paths or links. Links
 * are recorded as aliases. Returns the path of a regular file to look at, else undefined.
 */
function admitEntry(h: { name: string; type?: string | null; linkname?: string | null }, count: number, limits: ImageLimits, aliases: Map<string, string>): string | undefined {
  if (count > limits.maxArchiveEntries) throw new ImageError('too-many-entries', `archive has more than ${limits.maxArchiveEntries} entries`);
  const np = normalizeEntryPath(h.name);
  if (np.escapes || np.absolute) {
    throw new ImageError('corrupt-blob', `archive entry "${h.name}" ${np.escapes ? "climbs out of the archive with '..'" : 'has an absolute path'}; refusing the archive`);
  }
  const path = np.path;
  if (h.type === 'symlink' || h.type === 'link') {
    const link = h.linkname ?? '';
    if (link.startsWith('/')) throw new ImageError('corrupt-blob', `archive entry "${h.name}" links to the absolute path "${link}"; refusing the archive`);
    const target = h.type === 'symlink' ? resolveSymlinkTarget(path, link) : normalizeEntryPath(link);
    if (target.escapes) throw new ImageError('corrupt-blob', `archive entry "${h.name}" links outside the archive ("${link}"); refusing the archive`);
    aliases.set(path, target.path);
    return undefined;
  }
  if (h.type !== 'file' && h.type !== 'contiguous-file') return undefined;
  return path;
}

/** What an archive entry holds, from its name and first bytes: a JSON document, a layer, or neither. */
function blobKind(path: string, head: Uint8Array, size: number, limits: ImageLimits): 'json' | 'layer' | 'other' {
  if (looksLikeJson(head) && size <= limits.maxManifestBytes) return 'json';
  if (sniff(head) !== 'none' || looksLikeTar(head) || /(?:^|\/)layer\.tar$|^[a-f0-9]{64}\.tar$/.test(path)) return 'layer';
  return 'other';
}

/** A JSON blob, checked against the digest its name promises. */
function checkedJson(path: string, bytes: Uint8Array, expect: string | undefined): Uint8Array {
  if (expect) {
    const got = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    if (got !== expect) throw new ImageError('digest-mismatch', `archive blob "${path}": digest is ${got}, expected ${expect}`);
  }
  return bytes;
}

/** Puts an image together from what an archive held: docker save's manifest.json, or an OCI index. */
function assembleArchive(found: ArchiveContents, reference: string, options: ReadImageOptions, limits: ImageLimits): ReadImage {
  const { json, layers, aliases, problems } = found;
  const resolve = (p: string): string => {
    let cur = normalizeEntryPath(p).path;
    for (let i = 0; i < 16 && aliases.has(cur); i++) cur = aliases.get(cur)!;
    return cur;
  };
  const layerAt = (p: string): LayerRead => {
    const read = layers.get(resolve(p));
    if (!read) throw new ImageError('not-found', `archive lists layer "${p}" but does not contain it (or it is not a tar)`);
    return read;
  };
  const jsonAt = (p: string, what: string): Uint8Array => {
    const bytes = json.get(resolve(p));
    if (!bytes) throw new ImageError('not-found', `archive lists ${what} "${p}" but does not contain it`);
    return bytes;
  };

  const dockerManifest = json.get('manifest.json');
  if (dockerManifest) {
    let list: DockerManifestEntry[];
    try {
      list = JSON.parse(Buffer.from(dockerManifest).toString('utf8')) as DockerManifestEntry[];
      if (!Array.isArray(list) || list.length === 0) throw new Error('empty');
      for (const m of list) if (typeof m.Config !== 'string' || !Array.isArray(m.Layers)) throw new Error('entry without Config or Layers');
    } catch (e) {
      throw new ImageError('bad-manifest', `docker archive manifest.json is not valid: ${(e as Error).message}`);
    }
    let chosen = list[0]!;
    if (options.select) {
      const want = options.select;
      const hit = list.find((m) => (m.RepoTags ?? []).some((t) => t === want || t.endsWith(`/${want}`)));
      if (hit) chosen = hit;
      else if (list.length > 1) throw new ImageError('not-found', `archive holds no image tagged "${want}" (it has ${list.flatMap((m) => m.RepoTags ?? []).join(', ') || 'untagged images'})`);
    } else if (list.length > 1) {
      problems.push({ code: 'multiple-images', message: `archive holds ${list.length} images; reading the first (${(chosen.RepoTags ?? [])[0] ?? chosen.Config})` });
    }
    if (chosen.Layers.length > limits.maxLayers) throw new ImageError('too-large', `image has ${chosen.Layers.length} layers (limit ${limits.maxLayers})`);
    const configPath = resolve(chosen.Config);
    const configBytes = jsonAt(chosen.Config, 'configuration');
    const configDigest = namedDigest(configPath) ?? `sha256:${createHash('sha256').update(configBytes).digest('hex')}`;
    const ref = reference || (chosen.RepoTags ?? [])[0] || configDigest;
    return assembleImage({
      reference: ref,
      source: 'docker-archive',
      configDigest,
      configBytes,
      layers: chosen.Layers.map((p) => ({ read: layerAt(p) })),
      problems,
    });
  }

  const indexBytes = json.get('index.json');
  if (!indexBytes) throw new ImageError('bad-manifest', 'archive is neither a docker save tarball (no manifest.json) nor an OCI image layout (no index.json)');
  const blob = (d: Descriptor) => `blobs/sha256/${d.digest.slice('sha256:'.length)}`;
  const manifest = resolveOciManifest(indexBytes, (d) => jsonAt(blob(d), `manifest ${d.digest}`), options);
  if (manifest.manifest.layers.length > limits.maxLayers) throw new ImageError('too-large', `image has ${manifest.manifest.layers.length} layers (limit ${limits.maxLayers})`);
  const configBytes = jsonAt(blob(manifest.manifest.config), 'configuration');
  return assembleImage({
    reference: reference || manifest.refName || manifest.digest,
    source: 'oci-archive',
    manifestDigest: manifest.digest,
    configDigest: manifest.manifest.config.digest,
    configBytes,
    layers: manifest.manifest.layers.map((d) => {
      const read = layerAt(blob(d));
      if (read.digest !== d.digest) throw new ImageError('digest-mismatch', `layer ${d.digest}: stored bytes hash to ${read.digest}`);
      if (read.compressedSize !== d.size) throw new ImageError('size-mismatch', `layer ${d.digest}: ${read.compressedSize} bytes, descriptor states ${d.size}`);
      return { read, descriptor: d };
    }),
    ...(manifest.platform ? { platform: manifest.platform } : {}),
    problems,
  });
}

/**
 * Walks an OCI `index.json` down to one image manifest: by `org.opencontainers.image.ref.name`
 * when a name is asked for, then by platform through nested indexes.
 */
export function resolveOciManifest(
  indexBytes: Uint8Array,
  load: (d: Descriptor) => Uint8Array,
  options: ReadImageOptions,
): { manifest: ImageManifest; digest: string; refName?: string; platform?: string } {
  let doc;
  try {
    doc = parseManifestDocument(indexBytes);
  } catch (e) {
    throw new ImageError('bad-manifest', `index.json: ${(e as Error).message}`);
  }
  if (doc.kind !== 'index') throw new ImageError('bad-manifest', 'index.json is not an image index');
  let refName: string | undefined;
  let candidates = doc.manifests;
  if (options.select) {
    const named = candidates.filter((d) => d.annotations?.['org.opencontainers.image.ref.name'] === options.select);
    if (named.length === 0) {
      const names = candidates.map((d) => d.annotations?.['org.opencontainers.image.ref.name']).filter(Boolean);
      throw new ImageError('not-found', `OCI layout has no image named "${options.select}"${names.length ? ` (it has ${names.join(', ')})` : ''}`);
    }
    candidates = named;
  }
  let current: Descriptor;
  if (candidates.length === 1) current = candidates[0]!;
  else {
    try {
      current = selectPlatform({ kind: 'index', mediaType: doc.mediaType, manifests: candidates }, options.platform ?? hostPlatform());
    } catch (e) {
      throw new ImageError('no-platform', (e as Error).message);
    }
  }
  refName = current.annotations?.['org.opencontainers.image.ref.name'];
  for (let depth = 0; depth < 4; depth++) {
    if (!isSha256Digest(current.digest)) throw new ImageError('bad-manifest', `descriptor digest "${current.digest}" is not sha256`);
    const bytes = load(current);
    const got = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    if (got !== current.digest) throw new ImageError('digest-mismatch', `manifest ${current.digest}: bytes hash to ${got}`);
    let m;
    try {
      m = parseManifestDocument(bytes);
    } catch (e) {
      throw new ImageError('bad-manifest', `manifest ${current.digest}: ${(e as Error).message}`);
    }
    if (m.kind === 'manifest') {
      const out: { manifest: ImageManifest; digest: string; refName?: string; platform?: string } = { manifest: m, digest: current.digest };
      if (refName) out.refName = refName;
      if (current.platform) out.platform = `${current.platform.os}/${current.platform.architecture}${current.platform.variant ? `/${current.platform.variant}` : ''}`;
      return out;
    }
    try {
      current = selectPlatform(m, options.platform ?? hostPlatform());
    } catch (e) {
      throw new ImageError('no-platform', (e as Error).message);
    }
  }
  throw new ImageError('bad-manifest', 'indexes nested too deeply');
}
