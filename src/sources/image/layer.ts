import { createHash, type Hash } from 'node:crypto';
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Transform } from 'node:stream';
import type { Decompress as ZstdDecompressClass } from 'fzstd';
import { lazy } from '../../util/lazy.js';

const fzstd = lazy<{ Decompress: typeof ZstdDecompressClass }>('fzstd');
import type { EntryType, LayerEntry } from '../../parsers/image/filesystem.js';
import { normalizeEntryPath, resolveSymlinkTarget } from '../../parsers/image/paths.js';
import { ImageError } from './errors.js';
import type { ImageLimits } from './limits.js';
import { TarPush } from './tar-sync.js';

/** Which files to buffer: a path test (no leading slash) and the size from the tar header. */
export type WantsFile = (path: string, size: number) => boolean;

/** Shared budget across the layers of one image. */
export class ReadBudget {
  compressed = 0;
  expanded = 0;
  entries = 0;
  buffered = 0;
  constructor(readonly limits: ImageLimits) {}
}

export interface LayerProblem {
  path: string;
  code: string;
  message: string;
}

export interface LayerRead {
  /** The name the layer was read under (archive path or blob digest). */
  name: string;
  /** sha256 of the bytes as stored (the blob digest). */
  digest: string;
  /** sha256 of the uncompressed tar (the diff id). */
  diffId: string;
  compression: 'gzip' | 'zstd' | 'none';
  compressedSize: number;
  expandedSize: number;
  entries: LayerEntry[];
  problems: LayerProblem[];
}

export interface ReadLayerOptions {
  /** Label for messages (digest or archive path). */
  name: string;
  wants: WantsFile;
  budget: ReadBudget;
  /** Digest the stored bytes must have. */
  expectDigest?: string;
  /** Exact stored size, when a descriptor states it. */
  expectSize?: number;
  /** Diff id the uncompressed tar must have. */
  expectDiffId?: string;
  /** Files to read and hand to `onInspect`, then drop (secret detection over every layer file). */
  inspect?: WantsFile;
  onInspect?: (path: string, bytes: Uint8Array) => void;
  /** `onInspect` keeps nothing of the bytes it is given, so they may sit in a reused buffer. */
  inspectBorrows?: boolean;
}

export function sniff(head: Uint8Array): LayerRead['compression'] {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd';
  return 'none';
}

const TYPE: Record<string, EntryType> = {
  file: 'file',
  'contiguous-file': 'file',
  directory: 'dir',
  symlink: 'symlink',
  link: 'hardlink',
  'character-device': 'char',
  'block-device': 'block',
  fifo: 'fifo',
};

/** Feeds chunks through a Node transform and yields its output; errors on either side surface here. */
export async function* through(src: AsyncIterable<Uint8Array>, t: Transform): AsyncGenerator<Uint8Array> {
  let failed: unknown;
  const pump = (async () => {
    try {
      for await (const c of src) {
        if (t.destroyed) return;
        if (!t.write(c)) await new Promise<void>((resolve) => {
          const done = () => {
            t.off('drain', done);
            t.off('close', done);
            resolve();
          };
          t.on('drain', done);
          t.on('close', done);
        });
      }
      t.end();
    } catch (e) {
      failed = e;
      t.destroy(e as Error);
    }
  })();
  try {
    for await (const out of t) yield out as Uint8Array;
  } catch (e) {
    throw failed ?? e;
  }
  await pump;
  if (failed) throw failed;
}

export async function* zstd(src: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let out: Uint8Array[] = [];
  const d = new (fzstd().Decompress)((chunk) => {
    out.push(chunk);
  });
  for await (const c of src) {
    d.push(c);
    if (out.length) {
      const ready = out;
      out = [];
      yield* ready;
    }
  }
  d.push(new Uint8Array(0), true);
  yield* out;
}

/** What to do with one tar entry of a layer: its listing, and whether to buffer or inspect its bytes. */
interface EntryPlan {
  entry: LayerEntry;
  /** Listed (false for entries that climb out of the root). */
  keep: boolean;
  /** Buffer the bytes for the catalog (`wants`, within the limits). */
  fits: boolean;
  /** Hand the bytes to `onInspect`. */
  look: boolean;
  size: number;
}

interface EntryHeader {
  name: string;
  type?: string | null;
  size?: number;
  mode?: number;
  uid?: number;
  gid?: number;
  linkname?: string | null;
}

/** Counts an entry against the budget, checks its path and links, and decides what to read. */
function planEntry(h: EntryHeader, opts: ReadLayerOptions, problems: LayerProblem[]): EntryPlan {
  const { budget, name } = opts;
  const limits = budget.limits;
  budget.entries += 1;
  if (budget.entries > limits.maxEntries) {
    throw new ImageError('too-many-entries', `image: more than ${limits.maxEntries} tar entries (at layer ${name})`);
  }
  const type = TYPE[h.type ?? 'file'] ?? 'other';
  const np = normalizeEntryPath(h.name);
  const size = h.size ?? 0;
  let keep = true;
  if (np.escapes) {
    problems.push({ path: h.name, code: 'path-traversal', message: `layer ${name}: entry "${h.name}" climbs out of the image root with '..'; ignored` });
    keep = false;
  } else if (np.absolute) {
    problems.push({ path: h.name, code: 'absolute-path', message: `layer ${name}: entry "${h.name}" has an absolute path; read as /${np.path}` });
  }
  const e: LayerEntry = { path: np.path, type, mode: (h.mode ?? 0) & 0o7777, uid: h.uid ?? 0, gid: h.gid ?? 0, size: type === 'file' ? size : 0 };
  if (keep && (type === 'symlink' || type === 'hardlink')) {
    const link = h.linkname ?? '';
    if (type === 'symlink') {
      e.linkname = link;
      if (resolveSymlinkTarget(np.path, link).escapes) {
        problems.push({ path: np.path, code: 'symlink-escape', message: `layer ${name}: symbolic link "/${np.path}" -> "${link}" points outside the image root; not followed` });
      }
    } else {
      const target = normalizeEntryPath(link);
      if (target.escapes) {
        problems.push({ path: np.path, code: 'path-traversal', message: `layer ${name}: hard link "/${np.path}" -> "${link}" points outside the image root; ignored` });
        keep = false;
      } else {
        e.linkname = target.path;
      }
    }
  }
  const want = keep && type === 'file' && np.path !== '' && opts.wants(np.path, size);
  const look = keep && type === 'file' && np.path !== '' && size > 0 && size <= limits.maxFileBytes && opts.inspect !== undefined && opts.inspect(np.path, size);
  const fits = want && size <= limits.maxFileBytes && budget.buffered + size <= limits.maxBufferedBytes;
  if (want && !fits) {
    problems.push({ path: np.path, code: 'too-large', message: `layer ${name}: "/${np.path}" (${size} bytes) is over the buffering limit; its content was not read` });
  }
  return { entry: e, keep, fits, look, size };
}

/** Hands a read entry's bytes to the inspector and keeps them when the catalog wants them. */
function settleEntry(plan: EntryPlan, bytes: Uint8Array, opts: ReadLayerOptions): void {
  if (plan.look) opts.onInspect?.(plan.entry.path, bytes);
  if (plan.fits) {
    opts.budget.buffered += bytes.length;
    plan.entry.bytes = bytes;
  }
}

/**
 * Reads one layer blob as a stream: hashes the stored bytes, decompresses (gzip, zstd or none, by
 * magic bytes), hashes the tar, and lists its entries, buffering only wanted files. Nothing is
 * written to disk. Every limit in the budget is enforced while the bytes flow.
 */
export async function readLayer(source: AsyncIterable<Uint8Array>, opts: ReadLayerOptions): Promise<LayerRead> {
  const { budget, name } = opts;
  const limits = budget.limits;
  const stored: Hash = createHash('sha256');
  const plain: Hash = createHash('sha256');
  let compressedSize = 0;
  let expandedSize = 0;
  let compression: LayerRead['compression'] = 'none';

  async function* meterStored(): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      const c = chunk instanceof Uint8Array ? chunk : Buffer.from(chunk as ArrayBuffer);
      compressedSize += c.length;
      budget.compressed += c.length;
      if (opts.expectSize !== undefined && compressedSize > opts.expectSize) {
        throw new ImageError('size-mismatch', `layer ${name}: more bytes than the ${opts.expectSize} its descriptor states`);
      }
      if (compressedSize > limits.maxBlobBytes) throw new ImageError('too-large', `layer ${name}: larger than the ${limits.maxBlobBytes}-byte blob limit`);
      if (budget.compressed > limits.maxCompressedBytes) throw new ImageError('too-large', `image: compressed layers exceed the ${limits.maxCompressedBytes}-byte limit`);
      stored.update(c);
      yield c;
    }
  }

  async function* expand(): AsyncGenerator<Uint8Array> {
    const it = meterStored()[Symbol.asyncIterator]();
    const first = await it.next();
    if (first.done) return;
    compression = sniff(first.value);
    const rest = async function* () {
      yield first.value;
      for (;;) {
        const n = await it.next();
        if (n.done) return;
        yield n.value;
      }
    };
    // 64 KiB output chunks, not zlib's 16 KiB: a quarter of the trips through the pipeline.
    const inner = compression === 'gzip' ? through(rest(), createGunzip({ chunkSize: 64 * 1024 })) : compression === 'zstd' ? zstd(rest()) : rest();
    for await (const c of inner) {
      expandedSize += c.length;
      budget.expanded += c.length;
      if (budget.expanded > limits.maxExpandedBytes) {
        throw new ImageError('decompression-bomb', `image: layers expand past the ${limits.maxExpandedBytes}-byte limit (at layer ${name})`);
      }
      if (expandedSize > limits.ratioGraceBytes && compression !== 'none' && expandedSize > limits.maxRatio * Math.max(compressedSize, 1)) {
        throw new ImageError('decompression-bomb', `layer ${name}: expands more than ${limits.maxRatio}x (${compressedSize} bytes became over ${expandedSize})`);
      }
      // An uncompressed layer's tar is its stored bytes: one hash serves for both digests.
      if (compression !== 'none') plain.update(c);
      yield c;
    }
  }

  const entries: LayerEntry[] = [];
  const problems: LayerProblem[] = [];
  let plan: EntryPlan | undefined;
  let scratch: Buffer | undefined;
  const parser = new TarPush({
    header: (h) => {
      plan = planEntry(h, opts, problems);
      if (plan.keep) entries.push(plan.entry);
      if (plan.fits || !plan.look) return plan.fits ? Buffer.allocUnsafe(plan.size) : undefined;
      if (!opts.inspectBorrows) return Buffer.allocUnsafe(plan.size);
      // Only inspected, by a reader that keeps nothing: one buffer serves every such file.
      if (!scratch || scratch.length < plan.size) scratch = Buffer.allocUnsafe(Math.max(plan.size, Math.min(2 * (scratch?.length ?? 0), limits.maxFileBytes)));
      return scratch;
    },
    content: (bytes) => settleEntry(plan!, bytes, opts),
  });
  try {
    // Every byte is read, also after the tar's end, so the digest covers the whole blob; a failure
    // stops the reading at once (a bomb is not inflated to the end).
    for await (const c of expand()) parser.push(c);
    parser.end();
  } catch (e) {
    if (e instanceof ImageError) throw e;
    throw corrupt(name, e);
  }
  const digest = `sha256:${stored.digest('hex')}`;
  const diffId = compression === 'none' ? digest : `sha256:${plain.digest('hex')}`;
  return verifyLayer(opts, { name, digest, diffId, compression, compressedSize, expandedSize, entries, problems });
}

/** The checks every layer read ends with: not empty, the stated size, the blob digest and the diff id. */
function verifyLayer(opts: ReadLayerOptions, read: LayerRead): LayerRead {
  const { name } = opts;
  const { digest, diffId, compressedSize } = read;
  if (compressedSize === 0) throw new ImageError('truncated-blob', `layer ${name}: empty blob`);
  if (opts.expectSize !== undefined && compressedSize !== opts.expectSize) {
    throw new ImageError('truncated-blob', `layer ${name}: ${compressedSize} bytes, but its descriptor states ${opts.expectSize}`);
  }
  if (opts.expectDigest && opts.expectDigest !== digest) {
    throw new ImageError('digest-mismatch', `layer ${name}: digest is ${digest}, expected ${opts.expectDigest}`);
  }
  if (opts.expectDiffId && opts.expectDiffId !== diffId) {
    throw new ImageError('digest-mismatch', `layer ${name}: uncompressed digest is ${diffId}, but the image configuration lists ${opts.expectDiffId}`);
  }
  return read;
}

/** `length` bytes from `start` in a file, in chunks of one reused buffer: each chunk is valid until the next is asked for. */
function* fileChunks(fd: number, start: number, length: number): Generator<Uint8Array> {
  const buf = Buffer.allocUnsafe(Math.min(READ_CHUNK, Math.max(length, 1)));
  let pos = start;
  let left = length;
  while (left > 0) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, left), pos);
    if (n === 0) return;
    pos += n;
    left -= n;
    yield buf.subarray(0, n);
  }
}

const READ_CHUNK = 1024 * 1024;

/**
 * Reads a layer stored in a file (the whole file, or `length` bytes from `start` inside an
 * archive). An uncompressed layer is read with `readSync` through one reused buffer (its bytes are
 * hashed and parsed before the next read, and kept files are copied out); a compressed one is
 * streamed, as the decompressor may hold on to its input.
 */
export async function readLayerFile(path: string, opts: ReadLayerOptions, range?: { start: number; length: number }): Promise<LayerRead> {
  const fd = openSync(path, 'r');
  let start: number;
  let length: number;
  try {
    start = range?.start ?? 0;
    length = range?.length ?? fstatSync(fd).size;
    const head = Buffer.alloc(4);
    const n = readSync(fd, head, 0, Math.min(4, length), start);
    if (length === 0 || sniff(head.subarray(0, n)) === 'none') {
      return await readLayer(fileChunks(fd, start, length) as unknown as AsyncIterable<Uint8Array>, opts);
    }
  } finally {
    closeSync(fd);
  }
  return readLayer(createReadStream(path, { start, end: start + length - 1 }), opts);
}

function corrupt(name: string, e: unknown): ImageError {
  const msg = e instanceof Error ? e.message : String(e);
  const truncated = /unexpected end|premature|truncated|unexpected eof/i.test(msg);
  return new ImageError(truncated ? 'truncated-blob' : 'corrupt-blob', `layer ${name}: ${truncated ? 'truncated' : 'corrupt'} (${msg})`, { cause: e });
}

/** The inspection hooks of image options, for one layer. */
export function inspectOptions(
  options: { inspect?: WantsFile; onFile?: (layerKey: string, path: string, bytes: Uint8Array) => void; onFileBorrows?: boolean },
  key: string,
): Pick<ReadLayerOptions, 'inspect' | 'onInspect' | 'inspectBorrows'> {
  if (!options.inspect || !options.onFile) return {};
  const onFile = options.onFile;
  return { inspect: options.inspect, onInspect: (path, bytes) => onFile(key, path, bytes), ...(options.onFileBorrows ? { inspectBorrows: true } : {}) };
}
