/**
 * The rpm header blob as rpmdb stores it (rpm's headerImport format, without the 8-byte magic of
 * package files): big-endian index count `il` and data length `dl`, then `il` 16-byte index entries
 * (tag, type, offset, count), then `dl` bytes of data the entries point into.
 */

export const RPMTAG = {
  NAME: 1000,
  VERSION: 1001,
  RELEASE: 1002,
  EPOCH: 1003,
  LICENSE: 1014,
  VENDOR: 1011,
  ARCH: 1022,
  SOURCERPM: 1044,
} as const;

const TYPE_INT32 = 4;
const TYPE_STRING = 6;
const TYPE_STRING_ARRAY = 8;
const TYPE_I18NSTRING = 9;

const MAX_INDEX = 0xffff;
const MAX_DATA = 256 * 1024 * 1024;

export interface RpmHeader {
  strings: Map<number, string>;
  ints: Map<number, number>;
}

export function parseRpmHeader(blob: Uint8Array): RpmHeader {
  if (blob.length < 8) throw new Error('rpm header shorter than 8 bytes');
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const il = view.getUint32(0);
  const dl = view.getUint32(4);
  if (il === 0 || il > MAX_INDEX || dl > MAX_DATA) throw new Error(`rpm header has implausible sizes (${il} entries, ${dl} bytes)`);
  const dataStart = 8 + il * 16;
  if (dataStart + dl > blob.length) throw new Error('rpm header is truncated');
  const data = blob.subarray(dataStart, dataStart + dl);
  const out: RpmHeader = { strings: new Map(), ints: new Map() };
  const wanted = new Set<number>(Object.values(RPMTAG));
  for (let i = 0; i < il; i++) {
    const at = 8 + i * 16;
    const tag = view.getInt32(at);
    if (!wanted.has(tag)) continue;
    const type = view.getUint32(at + 4);
    const offset = view.getInt32(at + 8);
    const count = view.getUint32(at + 12);
    if (offset < 0 || offset >= dl) continue;
    if (type === TYPE_STRING || type === TYPE_I18NSTRING || type === TYPE_STRING_ARRAY) {
      const end = data.indexOf(0, offset);
      if (end < 0) continue;
      out.strings.set(tag, Buffer.from(data.subarray(offset, end)).toString('utf8'));
    } else if (type === TYPE_INT32 && count >= 1 && offset + 4 <= dl) {
      out.ints.set(tag, new DataView(data.buffer, data.byteOffset + offset, 4).getInt32(0));
    }
  }
  return out;
}

/** `openssl-3.0.7-27.el9.src.rpm` → name `openssl`, version `3.0.7-27.el9`. */
export function splitSourceRpm(srpm: string): { name: string; version: string } | undefined {
  const m = /^(.+)-([^-]+)-([^-]+)\.(?:no)?src\.rpm$/.exec(srpm);
  return m ? { name: m[1]!, version: `${m[2]}-${m[3]}` } : undefined;
}
