import { inflateRawSync } from 'node:zlib';

/** A small, bounded zip reader: the central directory, then stored or deflated entries on demand. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;
const MAX_ENTRIES = 65_535;

export function listZip(b: Uint8Array): ZipEntry[] {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const min = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= min; i--) {
    if (v.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive (no end of central directory)');
  const count = v.getUint16(eocd + 10, true);
  const cdOffset = v.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new Error('zip64 archives are not supported');
  if (count > MAX_ENTRIES) throw new Error('too many zip entries');
  const out: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || v.getUint32(at, true) !== CEN) throw new Error('corrupt zip central directory');
    const nameLen = v.getUint16(at + 28, true);
    const extraLen = v.getUint16(at + 30, true);
    const commentLen = v.getUint16(at + 32, true);
    if (at + 46 + nameLen > b.length) throw new Error('corrupt zip central directory');
    out.push({
      method: v.getUint16(at + 10, true),
      compressedSize: v.getUint32(at + 20, true),
      size: v.getUint32(at + 24, true),
      name: Buffer.from(b.subarray(at + 46, at + 46 + nameLen)).toString('utf8'),
      localOffset: v.getUint32(at + 42, true),
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The bytes of one entry, refusing entries that expand past `maxSize`. */
export function readZipEntry(b: Uint8Array, e: ZipEntry, maxSize: number): Uint8Array {
  if (e.size > maxSize) throw new Error(`zip entry ${e.name} expands to ${e.size} bytes, over the ${maxSize} limit`);
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (e.localOffset + 30 > b.length || v.getUint32(e.localOffset, true) !== LOC) throw new Error(`corrupt zip entry ${e.name}`);
  const start = e.localOffset + 30 + v.getUint16(e.localOffset + 26, true) + v.getUint16(e.localOffset + 28, true);
  const end = start + e.compressedSize;
  if (end > b.length) throw new Error(`truncated zip entry ${e.name}`);
  const data = b.subarray(start, end);
  if (e.method === 0) return data;
  if (e.method === 8) return inflateRawSync(data, { maxOutputLength: Math.max(1, maxSize) });
  throw new Error(`zip entry ${e.name} uses unsupported compression method ${e.method}`);
}
