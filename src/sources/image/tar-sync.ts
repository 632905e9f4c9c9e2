import { readSync } from 'node:fs';

/**
 * Tar decoding without streams. `SyncTar` walks an archive that sits uncompressed in a file with
 * `readSync` through one reused buffer (and can pass over an entry without reading it); `TarPush`
 * decodes bytes pushed in chunks (a layer as it is read or decompressed) and copies out only the
 * contents asked for, each into a buffer the caller gives. Headers are decoded as tar-stream
 * decodes them (ustar and GNU headers, PAX and GNU long names, base-256 sizes), and both fail
 * where tar-stream fails (bad checksum, unknown format, data ending early), with its wording.
 */

/** One entry's header, after any PAX or GNU long-name headers before it were applied. */
export interface TarHeader {
  name: string;
  /** tar-stream's type names ('file', 'directory', 'symlink', 'link', ...); `null` for an unknown type flag. */
  type: string | null;
  size: number;
  mode: number;
  uid: number;
  gid: number;
  linkname: string | null;
}

const BLOCK = 512;
/** The largest PAX or GNU long-name header accepted (as tar-stream). */
const MAX_LONG_HEADER = 4 * 1024 * 1024;
const READ_CHUNK = 1024 * 1024;

const TYPES: Record<number, string> = {
  0: 'file',
  1: 'link',
  2: 'symlink',
  3: 'character-device',
  4: 'block-device',
  5: 'directory',
  6: 'fifo',
  7: 'contiguous-file',
  72: 'pax-header',
  55: 'pax-global-header',
  27: 'gnu-long-link-path',
  28: 'gnu-long-path',
  30: 'gnu-long-path',
};

function indexOf(b: Uint8Array, value: number, from: number, end: number): number {
  for (let i = from; i < end; i++) if (b[i] === value) return i;
  return end;
}

function decodeStr(b: Buffer, offset: number, length: number): string {
  return b.toString('utf8', offset, indexOf(b, 0, offset, offset + length));
}

function parse256(b: Uint8Array, offset: number, length: number): number | null {
  let positive: boolean;
  if (b[offset] === 0x80) positive = true;
  else if (b[offset] === 0xff) positive = false;
  else return null;
  let sum = 0;
  for (let i = offset + length - 1, place = 1; i > offset; i--, place *= 256) sum += (positive ? b[i]! : 0xff - b[i]!) * place;
  return positive ? sum : -sum;
}

/** An octal header field as tar-stream reads it (leading spaces and NULs skipped, up to a space), or base-256. */
function decodeOct(b: Uint8Array, offset: number, length: number): number | null {
  if (b[offset]! & 0x80) return parse256(b, offset, length);
  const stop = offset + length;
  let i = offset;
  while (i < stop && b[i] === 32) i++;
  const end = indexOf(b, 32, i, stop);
  while (i < end && b[i] === 0) i++;
  if (end === i) return 0;
  // parseInt(text, 8) without making the text: the leading octal digits. Anything odd before
  // the first digit (a sign, other white space) goes to parseInt itself.
  if (b[i]! < 48 || b[i]! > 55) return parseInt(Buffer.from(b.buffer, b.byteOffset + i, end - i).toString('utf8'), 8);
  let n = 0;
  for (; i < end; i++) {
    const c = b[i]! - 48;
    if (c < 0 || c > 7) break;
    n = n * 8 + c;
  }
  return n;
}

function checksum(block: Uint8Array): number {
  let sum = 8 * 32;
  for (let i = 0; i < 148; i++) sum += block[i]!;
  for (let i = 156; i < BLOCK; i++) sum += block[i]!;
  return sum;
}

const USTAR = [0x75, 0x73, 0x74, 0x61, 0x72];

function isUstar(b: Uint8Array): boolean {
  return USTAR.every((c, i) => b[257 + i] === c) && b[262] === 0;
}

function isGnu(b: Uint8Array): boolean {
  return USTAR.every((c, i) => b[257 + i] === c) && b[262] === 0x20 && b[263] === 0x20 && b[264] === 0;
}

/** Decodes one 512-byte header block; `null` for a block of zeros (padding or the archive's end). */
export function decodeTarHeader(block: Buffer): TarHeader | null {
  const sum = checksum(block);
  if (sum === 8 * 32) return null;
  if (sum !== decodeOct(block, 148, 8)) throw new Error('Invalid tar header. Maybe the tar is corrupted or it needs to be gunzipped?');
  let typeflag = block[156] === 0 ? 0 : block[156]! - 48;
  let name = decodeStr(block, 0, 100);
  if (isUstar(block)) {
    if (block[345]) name = `${decodeStr(block, 345, 155)}/${name}`;
  } else if (!isGnu(block)) {
    throw new Error('Invalid tar header: unknown format.');
  }
  if (typeflag === 0 && name.endsWith('/')) typeflag = 5;
  return {
    name,
    type: TYPES[typeflag] ?? null,
    size: decodeOct(block, 124, 12) ?? NaN,
    mode: decodeOct(block, 100, 8) ?? 0,
    uid: decodeOct(block, 108, 8) ?? 0,
    gid: decodeOct(block, 116, 8) ?? 0,
    linkname: block[157] === 0 ? null : decodeStr(block, 157, 100),
  };
}

function decodePax(buf: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  let b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  while (b.length) {
    let i = 0;
    while (i < b.length && b[i] !== 32) i++;
    const len = parseInt(b.toString('utf8', 0, i), 10);
    if (!len) return out;
    const kv = b.toString('utf8', i + 1, len - 1);
    const eq = kv.indexOf('=');
    if (eq === -1) return out;
    out[kv.slice(0, eq)] = kv.slice(eq + 1);
    b = b.subarray(len);
  }
  return out;
}

/** Thrown when the bytes end inside a header or an entry (tar-stream's wording, so callers classify it alike). */
function unexpectedEnd(): Error {
  return new Error('Unexpected end of data');
}

/** Sequential reads of `length` bytes from `start` in a file, through one reused buffer. */
export class FileRangeReader {
  private readonly buf: Buffer;
  private pos = 0;
  private end = 0;
  private filePos: number;
  private left: number;

  constructor(
    private readonly fd: number,
    start: number,
    length: number,
  ) {
    this.filePos = start;
    this.left = length;
    this.buf = Buffer.allocUnsafe(Math.max(BLOCK, Math.min(READ_CHUNK, length)));
  }

  /** Bytes not yet consumed. */
  get remaining(): number {
    return this.end - this.pos + this.left;
  }

  private fill(into: Buffer, offset: number, n: number): void {
    let done = 0;
    while (done < n) {
      const got = readSync(this.fd, into, offset + done, n - done, this.filePos);
      if (got === 0) throw unexpectedEnd();
      this.filePos += got;
      done += got;
    }
    this.left -= n;
  }

  private refill(): void {
    const keep = this.end - this.pos;
    if (keep > 0) this.buf.copy(this.buf, 0, this.pos, this.end);
    const n = Math.min(this.buf.length - keep, this.left);
    this.pos = 0;
    this.end = keep;
    if (n > 0) {
      this.fill(this.buf, keep, n);
      this.end += n;
    }
  }

  /** The next `n` bytes (n <= 512), valid until the next call; throws when fewer remain. */
  view(n: number): Buffer {
    if (this.end - this.pos < n) this.refill();
    if (this.end - this.pos < n) throw unexpectedEnd();
    const v = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }

  /** The next `n` bytes as a new buffer of their own. */
  take(n: number): Buffer {
    return this.takeInto(Buffer.allocUnsafe(n), n);
  }

  /** The next `n` bytes, copied to the start of `out` (at least `n` long); returns that part of `out`. */
  takeInto(out: Buffer, n: number): Buffer {
    if (n > this.remaining) throw unexpectedEnd();
    const have = Math.min(n, this.end - this.pos);
    this.buf.copy(out, 0, this.pos, this.pos + have);
    this.pos += have;
    // The rest goes straight from the file into `out`.
    if (n > have) this.fill(out, have, n - have);
    return out.subarray(0, n);
  }

  /** Consumes `n` bytes, reading them. */
  skip(n: number): void {
    if (n > this.remaining) throw unexpectedEnd();
    let todo = n;
    for (;;) {
      const have = Math.min(todo, this.end - this.pos);
      this.pos += have;
      todo -= have;
      if (todo === 0) return;
      this.refill();
    }
  }

  /** File offset of the next byte to consume. */
  get position(): number {
    return this.filePos - (this.end - this.pos);
  }

  /** Moves `n` bytes on without reading them. */
  jump(n: number): void {
    if (n > this.remaining) throw unexpectedEnd();
    const have = this.end - this.pos;
    if (n <= have) {
      this.pos += n;
      return;
    }
    this.filePos += n - have;
    this.left -= n - have;
    this.pos = this.end = 0;
  }
}

/**
 * Walks the entries of a tar held in a FileRangeReader. `next()` returns an entry's header and
 * leaves the reader at its content, which the caller consumes with `take()` or `skip()` (or leaves
 * to the next `next()`, which skips what is left of it and its padding).
 */
export class SyncTar {
  /** Content bytes of the current entry not yet consumed, and the padding after them. */
  private contentLeft = 0;
  private padLeft = 0;
  private paxGlobal: Record<string, string> | null = null;

  constructor(readonly reader: FileRangeReader) {}

  /** Reads `n` bytes of the current entry's content into a buffer of their own. */
  take(n: number): Buffer {
    return this.takeInto(Buffer.allocUnsafe(n), n);
  }

  /** Reads `n` bytes of the current entry's content into the start of `out`. */
  takeInto(out: Buffer, n: number): Buffer {
    if (n > this.contentLeft) throw new Error('read past the end of the entry');
    this.contentLeft -= n;
    return this.reader.takeInto(out, n);
  }

  /** File offset of the current entry's unread content. */
  get contentPosition(): number {
    return this.reader.position;
  }

  /** Passes over the rest of the current entry without reading it. */
  jumpContent(): void {
    this.reader.jump(this.contentLeft + this.padLeft);
    this.contentLeft = 0;
    this.padLeft = 0;
  }

  /** The next header, or undefined at the end of the data. */
  next(): TarHeader | undefined {
    this.reader.skip(this.contentLeft + this.padLeft);
    this.contentLeft = 0;
    this.padLeft = 0;
    let pax: Record<string, string> | null = null;
    let longPath: string | null = null;
    let longLink: string | null = null;
    for (;;) {
      if (this.reader.remaining === 0) return undefined;
      const h = decodeTarHeader(this.reader.view(BLOCK));
      if (!h) continue;
      if (h.type === 'pax-header' || h.type === 'pax-global-header' || h.type === 'gnu-long-path' || h.type === 'gnu-long-link-path') {
        if (h.size > MAX_LONG_HEADER) throw new Error('Header exceeds max size');
        const body = this.reader.take(h.size);
        this.reader.skip(padding(h.size));
        if (h.type === 'gnu-long-path') longPath = decodeStr(body, 0, body.length);
        else if (h.type === 'gnu-long-link-path') longLink = decodeStr(body, 0, body.length);
        else if (h.type === 'pax-global-header') this.paxGlobal = decodePax(body);
        else pax = this.paxGlobal === null ? decodePax(body) : { ...this.paxGlobal, ...decodePax(body) };
        continue;
      }
      if (longPath) h.name = longPath;
      if (longLink) h.linkname = longLink;
      if (pax) {
        if (pax.path) h.name = pax.path;
        if (pax.linkpath) h.linkname = pax.linkpath;
        if (pax.size) h.size = parseInt(pax.size, 10);
      }
      if (!(h.size >= 0)) throw new Error('Invalid header');
      // tar-stream reads no content for a directory, whatever its size field says.
      const content = h.type === 'directory' ? 0 : h.size;
      this.contentLeft = content;
      this.padLeft = padding(content);
      return h;
    }
  }
}

function padding(size: number): number {
  const r = size % BLOCK;
  return r && BLOCK - r;
}

/** What a TarPush does with each entry: return a buffer (at least `size` long) to collect its content into, or undefined to skip it. */
export interface TarPushSink {
  header(h: TarHeader): Buffer | undefined;
  /** The collected content of the last entry whose `header` returned a buffer. */
  content(bytes: Buffer): void;
}

/**
 * The same tar decoding for bytes that arrive in chunks (a decompressing stream): chunks are
 * pushed in, headers and wanted contents come out through the sink, synchronously. Nothing of a
 * chunk is kept once `push` returns except what is copied into the sink's buffers.
 */
export class TarPush {
  private readonly block = Buffer.alloc(BLOCK);
  private blockFill = 0;
  /** Long-header body being gathered (PAX or GNU), with its type. */
  private long: { type: string; body: Buffer; fill: number; pad: number } | undefined;
  private target: Buffer | undefined;
  private targetFill = 0;
  private contentLeft = 0;
  private padLeft = 0;
  private paxGlobal: Record<string, string> | null = null;
  private pax: Record<string, string> | null = null;
  private longPath: string | null = null;
  private longLink: string | null = null;

  constructor(private readonly sink: TarPushSink) {}

  push(chunk: Uint8Array): void {
    let at = 0;
    const end = chunk.length;
    while (at < end) {
      if (this.contentLeft > 0) {
        const n = Math.min(this.contentLeft, end - at);
        if (this.target) {
          this.target.set(chunk.subarray(at, at + n), this.targetFill);
          this.targetFill += n;
        }
        this.contentLeft -= n;
        at += n;
        if (this.contentLeft === 0 && this.target) {
          const bytes = this.target.subarray(0, this.targetFill);
          this.target = undefined;
          this.sink.content(bytes);
        }
        continue;
      }
      if (this.padLeft > 0) {
        const n = Math.min(this.padLeft, end - at);
        this.padLeft -= n;
        at += n;
        continue;
      }
      if (this.long) {
        const l = this.long;
        const n = Math.min(l.body.length - l.fill, end - at);
        l.body.set(chunk.subarray(at, at + n), l.fill);
        l.fill += n;
        at += n;
        if (l.fill === l.body.length) {
          this.long = undefined;
          this.padLeft = l.pad;
          this.applyLong(l.type, l.body);
        }
        continue;
      }
      const n = Math.min(BLOCK - this.blockFill, end - at);
      this.block.set(chunk.subarray(at, at + n), this.blockFill);
      this.blockFill += n;
      at += n;
      if (this.blockFill === BLOCK) {
        this.blockFill = 0;
        this.onHeader();
      }
    }
  }

  /** The data ended: an error unless it ended between entries. */
  end(): void {
    if (this.contentLeft > 0 || this.padLeft > 0 || this.blockFill > 0 || this.long) throw unexpectedEnd();
  }

  private applyLong(type: string, body: Buffer): void {
    if (type === 'gnu-long-path') this.longPath = decodeStr(body, 0, body.length);
    else if (type === 'gnu-long-link-path') this.longLink = decodeStr(body, 0, body.length);
    else if (type === 'pax-global-header') this.paxGlobal = decodePax(body);
    else this.pax = this.paxGlobal === null ? decodePax(body) : { ...this.paxGlobal, ...decodePax(body) };
  }

  private onHeader(): void {
    const h = decodeTarHeader(this.block);
    if (!h) return;
    if (h.type === 'pax-header' || h.type === 'pax-global-header' || h.type === 'gnu-long-path' || h.type === 'gnu-long-link-path') {
      if (h.size > MAX_LONG_HEADER) throw new Error('Header exceeds max size');
      const body = Buffer.alloc(h.size);
      if (h.size === 0) {
        this.padLeft = 0;
        this.applyLong(h.type, body);
      } else {
        this.long = { type: h.type, body, fill: 0, pad: padding(h.size) };
      }
      return;
    }
    if (this.longPath) h.name = this.longPath;
    if (this.longLink) h.linkname = this.longLink;
    if (this.pax) {
      if (this.pax.path) h.name = this.pax.path;
      if (this.pax.linkpath) h.linkname = this.pax.linkpath;
      if (this.pax.size) h.size = parseInt(this.pax.size, 10);
    }
    this.longPath = this.longLink = null;
    this.pax = null;
    if (!(h.size >= 0)) throw new Error('Invalid header');
    const content = h.type === 'directory' ? 0 : h.size;
    const target = this.sink.header(h);
    this.contentLeft = content;
    this.padLeft = padding(content);
    if (target && content > 0) {
      this.target = target;
      this.targetFill = 0;
    } else if (target) {
      this.sink.content(target.subarray(0, 0));
    }
  }
}
