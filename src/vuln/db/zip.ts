import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * A small, bounded ZIP reader for vulnerability database archives. It reads the central
 * directory (ZIP64 included), rejects unsafe entry names, and inflates one entry at a time with
 * size, ratio and CRC-32 checks. It never writes entries to disk.
 */
export interface ZipLimits {
  maxEntries: number;
  maxEntrySize: number;
  maxTotalSize: number;
  /** Largest allowed uncompressed/compressed ratio of one entry. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000_000,
  maxEntrySize: 64 * 1024 * 1024,
  maxTotalSize: 32 * 1024 * 1024 * 1024,
  maxRatio: 1000,
};

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  isDirectory: boolean;
}

export class ZipError extends Error {
  constructor(
    message: string,
    readonly code: 'zip-corrupt' | 'zip-unsafe-name' | 'zip-too-large' | 'zip-crc' | 'zip-unsupported',
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

/** An entry name that could escape a directory if it were ever extracted. */
export function isUnsafeEntryName(name: string): boolean {
  if (name === '' || name.includes('\0') || name.includes('\\')) return true;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return true;
  return name.split('/').some((seg) => seg === '..');
}

export class ZipReader {
  private readonly fd: number;
  readonly size: number;
  readonly entries: ZipEntry[] = [];
  private totalSize = 0;

  constructor(
    readonly path: string,
    readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    this.fd = openSync(path, 'r');
    try {
      this.size = fstatSync(this.fd).size;
      this.readDirectory();
    } catch (e) {
      closeSync(this.fd);
      throw e;
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  private read(pos: number, len: number): Buffer {
    if (pos < 0 || len < 0 || pos + len > this.size) throw new ZipError('read past the end of the archive', 'zip-corrupt');
    const buf = Buffer.allocUnsafe(len);
    let off = 0;
    while (off < len) {
      const n = readSync(this.fd, buf, off, len - off, pos + off);
      if (n <= 0) throw new ZipError('short read', 'zip-corrupt');
      off += n;
    }
    return buf;
  }

  private readDirectory(): void {
    if (this.size < 22) throw new ZipError('not a ZIP archive (too small)', 'zip-corrupt');
    // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
    const tailLen = Math.min(this.size, 65557);
    const tail = this.read(this.size - tailLen, tailLen);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError('not a ZIP archive (no end of central directory)', 'zip-corrupt');
    const eocdPos = this.size - tailLen + eocd;
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      // ZIP64: the locator precedes the EOCD record.
      const locPos = eocdPos - 20;
      if (locPos < 0) throw new ZipError('ZIP64 locator missing', 'zip-corrupt');
      const loc = this.read(locPos, 20);
      if (loc.readUInt32LE(0) !== 0x07064b50) throw new ZipError('ZIP64 locator missing', 'zip-corrupt');
      const z64Pos = Number(loc.readBigUInt64LE(8));
      const z64 = this.read(z64Pos, 56);
      if (z64.readUInt32LE(0) !== 0x06064b50) throw new ZipError('ZIP64 end of central directory missing', 'zip-corrupt');
      count = Number(z64.readBigUInt64LE(32));
      cdSize = Number(z64.readBigUInt64LE(40));
      cdOffset = Number(z64.readBigUInt64LE(48));
    }
    if (count > this.limits.maxEntries) throw new ZipError(`archive has ${count} entries (limit ${this.limits.maxEntries})`, 'zip-too-large');
    if (cdOffset + cdSize > this.size) throw new ZipError('central directory outside the archive', 'zip-corrupt');
    const cd = this.read(cdOffset, cdSize);
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw new ZipError('bad central directory entry', 'zip-corrupt');
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      const crc = cd.readUInt32LE(p + 16);
      let compressedSize = cd.readUInt32LE(p + 20);
      let size = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      let localHeaderOffset = cd.readUInt32LE(p + 42);
      if (p + 46 + nameLen + extraLen + commentLen > cd.length) throw new ZipError('bad central directory entry', 'zip-corrupt');
      const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
      // ZIP64 extended information replaces the saturated 32-bit fields, in this order.
      let e = p + 46 + nameLen;
      const eEnd = e + extraLen;
      while (e + 4 <= eEnd) {
        const id = cd.readUInt16LE(e);
        const len = cd.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (size === 0xffffffff && q + 8 <= e + 4 + len) (size = Number(cd.readBigUInt64LE(q))), (q += 8);
          if (compressedSize === 0xffffffff && q + 8 <= e + 4 + len) (compressedSize = Number(cd.readBigUInt64LE(q))), (q += 8);
          if (localHeaderOffset === 0xffffffff && q + 8 <= e + 4 + len) localHeaderOffset = Number(cd.readBigUInt64LE(q));
        }
        e += 4 + len;
      }
      p = eEnd + commentLen;
      if (isUnsafeEntryName(name)) throw new ZipError(`unsafe entry name ${JSON.stringify(name)}`, 'zip-unsafe-name');
      if (flags & 0x1) throw new ZipError(`encrypted entry ${name}`, 'zip-unsupported');
      if (method !== 0 && method !== 8) throw new ZipError(`entry ${name} uses compression method ${method}`, 'zip-unsupported');
      if (size > this.limits.maxEntrySize) throw new ZipError(`entry ${name} is ${size} bytes (limit ${this.limits.maxEntrySize})`, 'zip-too-large');
      if (compressedSize > 0 && size / compressedSize > this.limits.maxRatio) throw new ZipError(`entry ${name} has a compression ratio above ${this.limits.maxRatio}`, 'zip-too-large');
      if (localHeaderOffset + 30 + compressedSize > this.size) throw new ZipError(`entry ${name} lies outside the archive`, 'zip-corrupt');
      this.totalSize += size;
      if (this.totalSize > this.limits.maxTotalSize) throw new ZipError('archive expands beyond the size limit', 'zip-too-large');
      this.entries.push({ name, method, crc, compressedSize, size, localHeaderOffset, isDirectory: name.endsWith('/') });
    }
  }

  /** The entry's bytes, inflated and checked against the size and CRC-32 the directory records. */
  readEntry(entry: ZipEntry): Buffer {
    const lh = this.read(entry.localHeaderOffset, 30);
    if (lh.readUInt32LE(0) !== 0x04034b50) throw new ZipError(`bad local header for ${entry.name}`, 'zip-corrupt');
    const dataPos = entry.localHeaderOffset + 30 + lh.readUInt16LE(26) + lh.readUInt16LE(28);
    const raw = this.read(dataPos, entry.compressedSize);
    let data: Buffer;
    if (entry.method === 0) data = raw;
    else {
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
      } catch (e) {
        throw new ZipError(`cannot inflate ${entry.name}: ${(e as Error).message}`, 'zip-corrupt');
      }
    }
    if (data.length !== entry.size) throw new ZipError(`entry ${entry.name} has ${data.length} bytes, directory says ${entry.size}`, 'zip-corrupt');
    if ((crc32(data) >>> 0) !== entry.crc) throw new ZipError(`CRC-32 mismatch in ${entry.name}`, 'zip-crc');
    return data;
  }
}

/** Builds a ZIP archive in memory (deflated entries); for tests and benchmarks. */
export function buildZip(files: { name: string; data: Buffer | string; store?: boolean }[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const data = typeof f.data === 'string' ? Buffer.from(f.data) : f.data;
    const comp = f.store ? data : deflateRaw(data);
    const name = Buffer.from(f.name, 'utf8');
    const crc = crc32(data) >>> 0;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x800, 6);
    lh.writeUInt16LE(f.store ? 0 : 8, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(comp.length, 18);
    lh.writeUInt32LE(data.length, 22);
    lh.writeUInt16LE(name.length, 26);
    chunks.push(lh, name, comp);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x800, 8);
    ch.writeUInt16LE(f.store ? 0 : 8, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(comp.length, 20);
    ch.writeUInt32LE(data.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    central.push(ch, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(central);
  const tailParts: Buffer[] = [];
  if (files.length >= 0xffff) {
    const z64 = Buffer.alloc(56);
    z64.writeUInt32LE(0x06064b50, 0);
    z64.writeBigUInt64LE(44n, 4);
    z64.writeUInt16LE(45, 12);
    z64.writeUInt16LE(45, 14);
    z64.writeBigUInt64LE(BigInt(files.length), 24);
    z64.writeBigUInt64LE(BigInt(files.length), 32);
    z64.writeBigUInt64LE(BigInt(cd.length), 40);
    z64.writeBigUInt64LE(BigInt(offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    loc.writeUInt32LE(1, 16);
    tailParts.push(z64, loc);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(files.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(files.length, 0xffff), 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, ...tailParts, end]);
}

function deflateRaw(b: Buffer): Buffer {
  return deflateRawSync(b, { level: 6 });
}
