import type { Cataloger, LangPackage } from '../types.js';
import { langPackage } from '../util.js';
import { addressToOffset, binaryFormat, findSection, isExecutableCandidate, listSections } from './binary.js';

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const MAX_STRING = 4 * 1024 * 1024;

export interface GoBuildInfo {
  goVersion: string;
  path?: string;
  main?: { path: string; version: string };
  deps: { path: string; version: string }[];
  settings: Map<string, string>;
}

function uvarint(b: Uint8Array, at: number): [value: number, next: number] {
  let x = 0;
  let shift = 0;
  for (let i = at; i < b.length && i < at + 10; i++) {
    const c = b[i]!;
    x += (c & 0x7f) * 2 ** shift;
    if (c < 0x80) return [x, i + 1];
    shift += 7;
  }
  throw new Error('bad varint in Go build info');
}

function readBytes(b: Uint8Array, at: number): [Uint8Array, number] {
  const [len, start] = uvarint(b, at);
  if (len > MAX_STRING || start + len > b.length) throw new Error('Go build info string out of bounds');
  return [b.subarray(start, start + len), start + len];
}

/**
 * Decodes Go build info (Go ≥ 1.18 layout): a 32-byte header (`\xff Go buildinf:`, pointer size,
 * flags with bit 2 = inline strings) followed by two varint-prefixed strings: the Go version and
 * the module info that `go version -m` prints, framed by 16-byte sentinels.
 */
export function parseGoBuildInfo(bin: Uint8Array): GoBuildInfo | undefined {
  if (!binaryFormat(bin)) return undefined;
  const buf = Buffer.from(bin.buffer, bin.byteOffset, bin.byteLength);
  const section = findSection(bin, ['.go.buildinfo', '__go_buildinfo']);
  const candidates: number[] = [];
  if (section && section.length >= 32) candidates.push(section.byteOffset - bin.byteOffset);
  else {
    // PE keeps build info at the start of .data; older linkers put it anywhere: look for the magic.
    let at = buf.indexOf(MAGIC);
    while (at >= 0 && candidates.length < 8) {
      candidates.push(at);
      at = buf.indexOf(MAGIC, at + 1);
    }
  }
  for (const at of candidates) {
    if (at + 32 > bin.length || !buf.subarray(at, at + 14).equals(MAGIC)) continue;
    const flags = bin[at + 15]!;
    let goVersion: Uint8Array;
    let modinfo: Uint8Array;
    if ((flags & 2) === 0) {
      const old = readPointerLayout(bin, at, bin[at + 14]!, (flags & 1) === 1);
      if (!old) continue;
      [goVersion, modinfo] = old;
    } else {
      let next: number;
      [goVersion, next] = readBytes(bin, at + 32);
      [modinfo] = readBytes(bin, next);
    }
    // The module info is framed by two 16-byte sentinels so the linker can find it.
    if (modinfo.length >= 33 && modinfo[modinfo.length - 17] === 0x0a) modinfo = modinfo.subarray(16, modinfo.length - 16);
    return { goVersion: Buffer.from(goVersion).toString('utf8'), ...parseModInfo(Buffer.from(modinfo).toString('utf8')) };
  }
  return undefined;
}

/**
 * Go 1.13–1.17 layout: after the 16-byte header, two pointers to Go string headers (data pointer,
 * length) for the version and the module info; addresses are mapped to file offsets by section.
 */
function readPointerLayout(bin: Uint8Array, at: number, ptrSize: number, bigEndian: boolean): [Uint8Array, Uint8Array] | undefined {
  if (ptrSize !== 4 && ptrSize !== 8) return undefined;
  const sections = listSections(bin);
  const view = new DataView(bin.buffer, bin.byteOffset, bin.byteLength);
  const ptr = (off: number): number | undefined => {
    if (off < 0 || off + ptrSize > bin.length) return undefined;
    return ptrSize === 8 ? Number(view.getBigUint64(off, !bigEndian)) : view.getUint32(off, !bigEndian);
  };
  const goString = (addr: number | undefined): Uint8Array | undefined => {
    const hdr = addr === undefined ? undefined : addressToOffset(sections, addr);
    if (hdr === undefined) return undefined;
    const dataAddr = ptr(hdr);
    const len = ptr(hdr + ptrSize);
    if (dataAddr === undefined || len === undefined || len > MAX_STRING) return undefined;
    if (len === 0) return new Uint8Array(0);
    const data = addressToOffset(sections, dataAddr);
    if (data === undefined || data + len > bin.length) return undefined;
    return bin.subarray(data, data + len);
  };
  const version = goString(ptr(at + 16));
  const modinfo = goString(ptr(at + 16 + ptrSize));
  return version && modinfo ? [version, modinfo] : undefined;
}

/** Parses the text `go version -m` prints: `path`, `mod`, `dep`, `=>` (replacement) and `build` lines. */
export function parseModInfo(raw: string): Omit<GoBuildInfo, 'goVersion'> {
  const s = raw;
  const out: Omit<GoBuildInfo, 'goVersion'> = { deps: [], settings: new Map() };
  let last: { path: string; version: string } | undefined;
  for (const line of s.split('\n')) {
    const f = line.split('\t');
    switch (f[0]) {
      case 'path':
        if (f[1]) out.path = f[1];
        break;
      case 'mod':
        if (f[1]) last = out.main = { path: f[1], version: f[2] ?? '' };
        break;
      case 'dep':
        if (f[1]) {
          last = { path: f[1], version: f[2] ?? '' };
          out.deps.push(last);
        }
        break;
      case '=>':
        // A replacement names the module really built in.
        if (last && f[1]) {
          last.path = f[1];
          last.version = f[2] ?? last.version;
        }
        break;
      case 'build': {
        const kv = f.slice(1).join('\t');
        const eq = kv.indexOf('=');
        if (eq > 0) out.settings.set(kv.slice(0, eq), kv.slice(eq + 1));
        break;
      }
    }
  }
  return out;
}

/** `go1.22.5 X:boringcrypto` → `1.22.5`: the stdlib version OSV's Go ecosystem uses. */
export function goStdlibVersion(goVersion: string): string | undefined {
  const m = /^go(\d+(?:\.\d+){0,2})/.exec(goVersion.trim());
  return m?.[1];
}

export function goBinaryPackages(info: GoBuildInfo): LangPackage[] {
  const out: LangPackage[] = [];
  if (info.main && info.main.version && info.main.version !== '(devel)') out.push(langPackage('golang', 'Go', info.main.path, info.main.version));
  for (const d of info.deps) if (d.version) out.push(langPackage('golang', 'Go', d.path, d.version));
  const std = goStdlibVersion(info.goVersion);
  if (std) out.push(langPackage('golang', 'Go', 'stdlib', std));
  return out;
}

export const goBinaryCataloger: Cataloger = {
  id: 'go-binary',
  wants: isExecutableCandidate,
  parse(bytes) {
    const info = parseGoBuildInfo(bytes);
    return info ? { packages: goBinaryPackages(info) } : {};
  },
};
