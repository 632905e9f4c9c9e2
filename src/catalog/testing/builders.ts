import { deflateRawSync, deflateSync } from 'node:zlib';

/** Test fixtures in real formats, built in memory: a minimal ELF64 with named sections, a zip archive, rpm header blobs. */

export function elf64(sections: { name: string; data: Uint8Array; addr?: number }[]): Uint8Array {
  const names = ['', ...sections.map((s) => s.name), '.shstrtab'];
  const strtab: number[] = [];
  const nameOff: number[] = [];
  for (const n of names) {
    nameOff.push(strtab.length);
    strtab.push(...Buffer.from(n, 'latin1'), 0);
  }
  const parts: { off: number; data: Uint8Array }[] = [];
  let off = 64;
  const align = (n: number) => (n + 15) & ~15;
  for (const s of sections) {
    off = align(off);
    parts.push({ off, data: s.data });
    off += s.data.length;
  }
  off = align(off);
  const strOff = off;
  off += strtab.length;
  off = align(off);
  const shoff = off;
  const shnum = names.length;
  const buf = Buffer.alloc(shoff + shnum * 64);
  buf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1], 0);
  buf.writeUInt16LE(2, 16); // ET_EXEC
  buf.writeUInt16LE(62, 18); // x86-64
  buf.writeUInt32LE(1, 20);
  buf.writeBigUInt64LE(BigInt(shoff), 0x28);
  buf.writeUInt16LE(64, 0x34);
  buf.writeUInt16LE(64, 0x3a);
  buf.writeUInt16LE(shnum, 0x3c);
  buf.writeUInt16LE(shnum - 1, 0x3e);
  for (const p of parts) buf.set(p.data, p.off);
  buf.set(strtab, strOff);
  const sh = (i: number, type: number, offset: number, size: number, addr = 0) => {
    const o = shoff + i * 64;
    buf.writeUInt32LE(nameOff[i]!, o);
    buf.writeUInt32LE(type, o + 4);
    buf.writeBigUInt64LE(BigInt(addr), o + 0x10);
    buf.writeBigUInt64LE(BigInt(offset), o + 0x18);
    buf.writeBigUInt64LE(BigInt(size), o + 0x20);
  };
  sections.forEach((s, i) => sh(i + 1, 1, parts[i]!.off, s.data.length, s.addr));
  sh(shnum - 1, 3, strOff, strtab.length);
  return buf;
}

function uvarint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

const SENTINEL_START = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex');
const SENTINEL_END = Buffer.from('f932433186182072008242104116d8f2', 'hex');

/** A Go ≥ 1.18 `.go.buildinfo` section: header, then varint-prefixed version and module info. */
export function goBuildInfoSection(goVersion: string, modinfo: string): Uint8Array {
  const head = Buffer.alloc(32);
  head.write('\xff Go buildinf:', 0, 'latin1');
  head[14] = 8;
  head[15] = 2;
  const v = Buffer.from(goVersion);
  const m = Buffer.concat([SENTINEL_START, Buffer.from(modinfo), SENTINEL_END]);
  return Buffer.concat([head, Buffer.from(uvarint(v.length)), v, Buffer.from(uvarint(m.length)), m]);
}

/**
 * The Go 1.13–1.17 layout: a `.go.buildinfo` section whose header points (by address) at two Go
 * string headers in a `.data` section. Returns both sections, at the addresses given.
 */
export function goBuildInfoPointerSections(goVersion: string, modinfo: string, infoAddr: number, dataAddr: number): { name: string; data: Uint8Array; addr: number }[] {
  const v = Buffer.from(goVersion);
  const m = Buffer.concat([SENTINEL_START, Buffer.from(modinfo), SENTINEL_END]);
  const data = Buffer.alloc(32 + v.length + m.length);
  data.writeBigUInt64LE(BigInt(dataAddr + 32), 0);
  data.writeBigUInt64LE(BigInt(v.length), 8);
  data.writeBigUInt64LE(BigInt(dataAddr + 32 + v.length), 16);
  data.writeBigUInt64LE(BigInt(m.length), 24);
  v.copy(data, 32);
  m.copy(data, 32 + v.length);
  const head = Buffer.alloc(32);
  head.write('\xff Go buildinf:', 0, 'latin1');
  head[14] = 8;
  head[15] = 0;
  head.writeBigUInt64LE(BigInt(dataAddr), 16);
  head.writeBigUInt64LE(BigInt(dataAddr + 16), 24);
  return [
    { name: '.go.buildinfo', data: head, addr: infoAddr },
    { name: '.data', data, addr: dataAddr },
  ];
}

export function cargoAuditableSection(doc: unknown): Uint8Array {
  return deflateSync(Buffer.from(JSON.stringify(doc)));
}

/** A zip archive; entries are deflated unless `store` is set. */
export function zip(entries: { name: string; data: Uint8Array | string; store?: boolean }[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = typeof e.data === 'string' ? Buffer.from(e.data) : Buffer.from(e.data);
    const data = e.store ? raw : deflateRawSync(raw);
    const name = Buffer.from(e.name);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(e.store ? 0 : 8, 8);
    lh.writeUInt32LE(data.length, 18);
    lh.writeUInt32LE(raw.length, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(e.store ? 0 : 8, 10);
    ch.writeUInt32LE(data.length, 20);
    ch.writeUInt32LE(raw.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, data);
    central.push(ch, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** An rpm header blob as rpmdb stores it: il, dl, index entries, data store (big-endian). */
export function rpmHeaderBlob(tags: { tag: number; type: 'string' | 'int32' | 'i18n'; value: string | number }[]): Uint8Array {
  const data: number[] = [];
  const index: Buffer[] = [];
  for (const t of tags) {
    if (t.type === 'int32') while (data.length % 4) data.push(0);
    const e = Buffer.alloc(16);
    e.writeInt32BE(t.tag, 0);
    e.writeUInt32BE(t.type === 'int32' ? 4 : t.type === 'i18n' ? 9 : 6, 4);
    e.writeInt32BE(data.length, 8);
    e.writeUInt32BE(1, 12);
    index.push(e);
    if (t.type === 'int32') {
      const b = Buffer.alloc(4);
      b.writeInt32BE(t.value as number);
      data.push(...b);
    } else data.push(...Buffer.from(String(t.value)), 0);
  }
  const head = Buffer.alloc(8);
  head.writeUInt32BE(index.length, 0);
  head.writeUInt32BE(data.length, 4);
  return Buffer.concat([head, ...index, Buffer.from(data)]);
}

/** A Berkeley DB hash database (little-endian, 4 KiB pages) whose values are the given blobs, each in overflow pages. */
export function berkeleyHashDb(values: Uint8Array[]): Uint8Array {
  const pageSize = 4096;
  const room = pageSize - 26;
  const chains: number[][] = [];
  let next = 2;
  for (const v of values) {
    const n = Math.max(1, Math.ceil(v.length / room));
    chains.push(Array.from({ length: n }, (_, i) => next + i));
    next += n;
  }
  const buf = Buffer.alloc(next * pageSize);
  buf.writeUInt32LE(0x061561, 12);
  buf.writeUInt32LE(9, 16);
  buf.writeUInt32LE(pageSize, 20);
  buf[25] = 8;
  buf.writeUInt32LE(next - 1, 32);
  // The hash page: key/value pairs, items packed from the end of the page down.
  const hp = pageSize;
  buf.writeUInt32LE(1, hp + 8);
  buf.writeUInt16LE(values.length * 2, hp + 20);
  buf[hp + 25] = 13;
  let top = pageSize;
  values.forEach((v, i) => {
    top -= 5;
    buf[hp + top] = 1;
    buf.writeUInt32LE(i + 1, hp + top + 1);
    buf.writeUInt16LE(top, hp + 26 + i * 4);
    top -= 12;
    buf[hp + top] = 3;
    buf.writeUInt32LE(chains[i]![0]!, hp + top + 4);
    buf.writeUInt32LE(v.length, hp + top + 8);
    buf.writeUInt16LE(top, hp + 26 + i * 4 + 2);
  });
  buf.writeUInt16LE(top, hp + 22);
  values.forEach((v, i) => {
    const pages = chains[i]!;
    pages.forEach((p, j) => {
      const at = p * pageSize;
      const part = v.subarray(j * room, Math.min(v.length, (j + 1) * room));
      buf.writeUInt32LE(p, at + 8);
      buf.writeUInt32LE(j > 0 ? pages[j - 1]! : 0, at + 12);
      buf.writeUInt32LE(j + 1 < pages.length ? pages[j + 1]! : 0, at + 16);
      buf.writeUInt16LE(part.length, at + 22);
      buf[at + 25] = 7;
      buf.set(part, at + 26);
    });
  });
  return buf;
}

/** An rpm ndb `Packages.db` holding the given header blobs (one slot page). */
export function ndbDatabase(blobs: Uint8Array[]): Uint8Array {
  const parts: Buffer[] = [];
  const slots = Buffer.alloc(4096);
  slots.write('RpmP', 0, 'latin1');
  slots.writeUInt32LE(1, 12);
  let block = 4096 / 16;
  blobs.forEach((blob, i) => {
    const blocks = Math.ceil((16 + blob.length + 16) / 16);
    const at = 32 + i * 16;
    slots.write('Slot', at, 'latin1');
    slots.writeUInt32LE(i + 1, at + 4);
    slots.writeUInt32LE(block, at + 8);
    slots.writeUInt32LE(blocks, at + 12);
    const area = Buffer.alloc(blocks * 16);
    area.write('BlbS', 0, 'latin1');
    area.writeUInt32LE(i + 1, 4);
    area.writeUInt32LE(blob.length, 12);
    area.set(blob, 16);
    area.write('BlbE', area.length - 4, 'latin1');
    parts.push(area);
    block += blocks;
  });
  // Unused slots still carry the slot magic, with package index 0.
  for (let at = 32 + blobs.length * 16; at < 4096; at += 16) slots.write('Slot', at, 'latin1');
  return Buffer.concat([slots, ...parts]);
}
