/**
 * The Berkeley DB hash database rpm used before 4.16 (`/var/lib/rpm/Packages`): fixed-size pages,
 * page 0 the hash metadata, hash pages holding key/value pairs, and large values (the rpm headers)
 * in chains of overflow pages. Only what reading the values needs is decoded.
 */

const HASH_MAGIC = 0x061561;
const PAGE_HASH_UNSORTED = 2;
const PAGE_OVERFLOW = 7;
const PAGE_HASH = 13;
const ENTRY_KEYDATA = 1;
const ENTRY_OFFPAGE = 3;
const PAGE_HEADER = 26;
const MAX_VALUE = 64 * 1024 * 1024;

export function isBerkeleyHashDb(b: Uint8Array): boolean {
  if (b.length < 512) return false;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return v.getUint32(12, true) === HASH_MAGIC || v.getUint32(12, false) === HASH_MAGIC;
}

/** Every value of the hash database, in page order. Bad chains become problems, not failures. */
export function berkeleyHashValues(b: Uint8Array, problems: string[]): Uint8Array[] {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const le = v.getUint32(12, true) === HASH_MAGIC;
  if (!le && v.getUint32(12, false) !== HASH_MAGIC) throw new Error('not a Berkeley DB hash database');
  const u32 = (o: number) => v.getUint32(o, le);
  const u16 = (o: number) => v.getUint16(o, le);
  const pageSize = u32(20);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) throw new Error(`implausible Berkeley DB page size ${pageSize}`);
  if (b[25] !== 8) throw new Error('Berkeley DB metadata page is not a hash metadata page');
  const pages = Math.floor(b.length / pageSize);
  const out: Uint8Array[] = [];

  const overflow = (first: number, total: number): Uint8Array | undefined => {
    if (total > MAX_VALUE) {
      problems.push(`value of ${total} bytes is over the ${MAX_VALUE} limit`);
      return undefined;
    }
    const value = new Uint8Array(total);
    let got = 0;
    let page = first;
    const seen = new Set<number>();
    while (page !== 0 && got < total) {
      if (page >= pages || seen.has(page)) {
        problems.push(`broken overflow chain at page ${page}`);
        return undefined;
      }
      seen.add(page);
      const at = page * pageSize;
      if (b[at + 25] !== PAGE_OVERFLOW) {
        problems.push(`page ${page} is not an overflow page`);
        return undefined;
      }
      // On overflow pages the "high free offset" field holds the number of bytes used.
      const used = Math.min(u16(at + 22), pageSize - PAGE_HEADER, total - got);
      value.set(b.subarray(at + PAGE_HEADER, at + PAGE_HEADER + used), got);
      got += used;
      page = u32(at + 16);
    }
    if (got < total) {
      problems.push(`overflow chain from page ${first} ends after ${got} of ${total} bytes`);
      return undefined;
    }
    return value;
  };

  for (let page = 1; page < pages; page++) {
    const at = page * pageSize;
    const type = b[at + 25];
    if (type !== PAGE_HASH && type !== PAGE_HASH_UNSORTED) continue;
    const entries = u16(at + 20);
    if (PAGE_HEADER + entries * 2 > pageSize) continue;
    const offsets: number[] = [];
    for (let i = 0; i < entries; i++) offsets.push(u16(at + PAGE_HEADER + i * 2));
    // Entries alternate key, value; values are the odd ones.
    for (let i = 1; i < entries; i += 2) {
      const off = offsets[i]!;
      if (off < PAGE_HEADER || off >= pageSize) continue;
      const e = at + off;
      if (b[e] === ENTRY_OFFPAGE) {
        const value = overflow(u32(e + 4), u32(e + 8));
        if (value) out.push(value);
      } else if (b[e] === ENTRY_KEYDATA) {
        // Items are packed from the end of the page down: this one ends where the previous one starts.
        const end = i === 0 ? pageSize : Math.min(pageSize, offsets[i - 1]! > off ? offsets[i - 1]! : pageSize);
        out.push(b.subarray(e + 1, at + end));
      }
    }
  }
  return out;
}
