/**
 * rpm's "ndb" package database (`Packages.db`, openSUSE and SLE): a 32-byte header (`RpmP`,
 * version, generation, number of slot pages), slot pages of 16-byte slots (`Slot`, package index,
 * block offset, block count) and blobs in 16-byte blocks (`BlbS`, package index, checksum, length,
 * then the header blob). All little-endian.
 */

const PAGE = 4096;
const BLOCK = 16;
const MAX_SLOT_PAGES = 4096;
const MAX_BLOB = 64 * 1024 * 1024;

const magic = (s: string) => Buffer.from(s, 'latin1').readUInt32LE(0);
const HEADER_MAGIC = magic('RpmP');
const SLOT_MAGIC = magic('Slot');
const BLOB_MAGIC = magic('BlbS');

export function isNdb(b: Uint8Array): boolean {
  return b.length >= 32 && new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(0, true) === HEADER_MAGIC;
}

export function ndbBlobs(b: Uint8Array, problems: string[]): Uint8Array[] {
  if (!isNdb(b)) throw new Error('not an rpm ndb database (no RpmP header)');
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const slotPages = v.getUint32(12, true);
  if (slotPages === 0 || slotPages > MAX_SLOT_PAGES) throw new Error(`implausible number of slot pages: ${slotPages}`);
  const end = Math.min(slotPages * PAGE, b.length);
  const out: Uint8Array[] = [];
  // The header takes the place of the first two slots.
  for (let at = 2 * BLOCK; at + BLOCK <= end; at += BLOCK) {
    if (v.getUint32(at, true) !== SLOT_MAGIC) continue;
    const index = v.getUint32(at + 4, true);
    if (index === 0) continue;
    const start = v.getUint32(at + 8, true) * BLOCK;
    const blocks = v.getUint32(at + 12, true);
    if (start + BLOCK > b.length || v.getUint32(start, true) !== BLOB_MAGIC || v.getUint32(start + 4, true) !== index) {
      problems.push(`ndb slot for package ${index} points at no blob`);
      continue;
    }
    const length = v.getUint32(start + 12, true);
    if (length > MAX_BLOB || length > blocks * BLOCK || start + BLOCK + length > b.length) {
      problems.push(`ndb blob of package ${index} is truncated or too large`);
      continue;
    }
    out.push(b.subarray(start + BLOCK, start + BLOCK + length));
  }
  return out;
}
