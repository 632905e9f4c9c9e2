/** Sections of an executable: enough of ELF, Mach-O and PE to find a named section's bytes. */
export interface Section {
  name: string;
  offset: number;
  size: number;
  /** Virtual address when loaded (ELF, Mach-O; PE: relative to the image base). */
  addr?: number;
}

export type BinaryFormat = 'elf' | 'macho' | 'pe';

const MAX_SECTIONS = 4096;

export function binaryFormat(b: Uint8Array): BinaryFormat | undefined {
  if (b.length < 64) return undefined;
  if (b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46) return 'elf';
  const m = new DataView(b.buffer, b.byteOffset, 4).getUint32(0, true);
  if (m === 0xfeedfacf || m === 0xfeedface) return 'macho';
  if (b[0] === 0x4d && b[1] === 0x5a) return 'pe';
  return undefined;
}

function cstr(b: Uint8Array, start: number, max: number): string {
  let end = start;
  const limit = Math.min(b.length, start + max);
  while (end < limit && b[end] !== 0) end++;
  return Buffer.from(b.subarray(start, end)).toString('latin1');
}

function inBounds(b: Uint8Array, s: Section): boolean {
  return s.offset >= 0 && s.size >= 0 && s.offset + s.size <= b.length;
}

/** Lists the sections of an ELF, Mach-O (64- or 32-bit, little-endian) or PE file; [] for anything else. */
export function listSections(b: Uint8Array): Section[] {
  const fmt = binaryFormat(b);
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  try {
    if (fmt === 'elf') return elfSections(b, v);
    if (fmt === 'macho') return machoSections(b, v);
    if (fmt === 'pe') return peSections(b, v);
  } catch {
    // A truncated or malformed header: no sections rather than a crash.
  }
  return [];
}

function elfSections(b: Uint8Array, v: DataView): Section[] {
  const is64 = b[4] === 2;
  const le = b[5] === 1;
  const u16 = (o: number) => v.getUint16(o, le);
  const u32 = (o: number) => v.getUint32(o, le);
  const word = (o: number) => (is64 ? Number(v.getBigUint64(o, le)) : u32(o));
  const shoff = word(is64 ? 0x28 : 0x20);
  const shentsize = u16(is64 ? 0x3a : 0x2e);
  const shnum = u16(is64 ? 0x3c : 0x30);
  const shstrndx = u16(is64 ? 0x3e : 0x32);
  if (shnum === 0 || shnum > MAX_SECTIONS || shoff + shnum * shentsize > b.length || shstrndx >= shnum) return [];
  const hdr = (i: number) => {
    const o = shoff + i * shentsize;
    return { name: u32(o), type: u32(o + 4), addr: word(o + (is64 ? 0x10 : 0x0c)), offset: word(o + (is64 ? 0x18 : 0x10)), size: word(o + (is64 ? 0x20 : 0x14)) };
  };
  const strtab = hdr(shstrndx);
  const out: Section[] = [];
  for (let i = 0; i < shnum; i++) {
    const h = hdr(i);
    if (h.type === 0 || h.type === 8) continue; // SHT_NULL, SHT_NOBITS: no bytes in the file
    const s = { name: cstr(b, strtab.offset + h.name, 256), offset: h.offset, size: h.size, addr: h.addr };
    if (inBounds(b, s)) out.push(s);
  }
  return out;
}

function machoSections(b: Uint8Array, v: DataView): Section[] {
  const is64 = v.getUint32(0, true) === 0xfeedfacf;
  const ncmds = v.getUint32(16, true);
  let at = is64 ? 32 : 28;
  const out: Section[] = [];
  for (let i = 0; i < ncmds && i < MAX_SECTIONS && at + 8 <= b.length; i++) {
    const cmd = v.getUint32(at, true);
    const size = v.getUint32(at + 4, true);
    if (size < 8) break;
    if (cmd === 0x19 || cmd === 0x1) {
      const nsects = v.getUint32(at + (is64 ? 64 : 48), true);
      let s = at + (is64 ? 72 : 56);
      for (let j = 0; j < nsects && j < MAX_SECTIONS; j++) {
        const name = cstr(b, s, 16);
        const sz = is64 ? Number(v.getBigUint64(s + 40, true)) : v.getUint32(s + 36, true);
        const off = v.getUint32(s + (is64 ? 48 : 40), true);
        const addr = is64 ? Number(v.getBigUint64(s + 32, true)) : v.getUint32(s + 32, true);
        const sec = { name, offset: off, size: sz, addr };
        if (inBounds(b, sec)) out.push(sec);
        s += is64 ? 80 : 68;
      }
    }
    at += size;
  }
  return out;
}

function peSections(b: Uint8Array, v: DataView): Section[] {
  const pe = v.getUint32(0x3c, true);
  if (pe + 24 > b.length || v.getUint32(pe, true) !== 0x00004550) return [];
  const nsect = v.getUint16(pe + 6, true);
  const optSize = v.getUint16(pe + 20, true);
  let at = pe + 24 + optSize;
  const out: Section[] = [];
  for (let i = 0; i < nsect && i < MAX_SECTIONS && at + 40 <= b.length; i++, at += 40) {
    const sec = { name: cstr(b, at, 8), size: v.getUint32(at + 16, true), offset: v.getUint32(at + 20, true) };
    if (inBounds(b, sec)) out.push(sec);
  }
  return out;
}

/** Maps a virtual address to a file offset through the sections that hold file bytes. */
export function addressToOffset(sections: readonly Section[], addr: number): number | undefined {
  for (const s of sections) {
    if (s.addr === undefined || s.addr === 0) continue;
    if (addr >= s.addr && addr < s.addr + s.size) return s.offset + (addr - s.addr);
  }
  return undefined;
}

export function findSection(b: Uint8Array, names: readonly string[]): Uint8Array | undefined {
  for (const s of listSections(b)) if (names.includes(s.name)) return b.subarray(s.offset, s.offset + s.size);
  return undefined;
}

/**
 * Executables are found by path alone, before their bytes are read: files without an extension
 * (or `.exe`) in bin directories, under /opt, /app, /usr/local, /srv, /home, /root, /go, or at the root.
 */
export function isExecutableCandidate(p: string): boolean {
  const slash = p.lastIndexOf('/');
  const base = p.slice(slash + 1);
  if (!base || (base.includes('.') && !base.endsWith('.exe'))) return false;
  if (slash < 0) return true;
  if (/^(?:proc|sys|dev|etc|var\/lib\/dpkg|usr\/share|usr\/include)\//.test(p)) return false;
  if (/(?:^|\/)s?bin\//.test(p)) return true;
  return /^(?:opt|app|usr\/local|srv|home|root|go|workspace|ko-app)\//.test(p);
}
