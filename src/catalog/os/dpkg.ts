import type { Cataloger, OsRecord } from '../types.js';
import { text } from '../util.js';

const STATUS = /^var\/lib\/dpkg\/status$/;
// Distroless images write one stanza file per package; the `.md5sums` files beside them are not stanzas.
const STATUS_D = /^var\/lib\/dpkg\/status\.d\/[^/]+$/;
const COPYRIGHT = /^usr\/share\/doc\/([^/]+)\/copyright$/;
const MAX_STANZAS = 200_000;

/** Splits a deb822 control file into stanzas of field → value (continuation lines joined). */
export function parseStanzas(src: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  let cur = new Map<string, string>();
  let last: string | undefined;
  for (const line of src.split('\n')) {
    if (line.trim() === '') {
      if (cur.size > 0) out.push(cur);
      if (out.length > MAX_STANZAS) throw new Error(`more than ${MAX_STANZAS} stanzas`);
      cur = new Map();
      last = undefined;
      continue;
    }
    if (line[0] === ' ' || line[0] === '\t') {
      if (last !== undefined) cur.set(last, `${cur.get(last)}\n${line.slice(1)}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim();
    cur.set(last, line.slice(colon + 1).trim());
  }
  if (cur.size > 0) out.push(cur);
  return out;
}

export function parseDpkgStatus(src: string): OsRecord[] {
  const out: OsRecord[] = [];
  for (const st of parseStanzas(src)) {
    const name = st.get('Package');
    const version = st.get('Version');
    if (!name || !version) continue;
    // The status file keeps removed packages whose config files remain ("deinstall ok config-files").
    const status = st.get('Status');
    if (status !== undefined && status.split(/\s+/)[2] !== 'installed') continue;
    const rec: OsRecord = { kind: 'deb', name, version };
    const arch = st.get('Architecture');
    if (arch) rec.arch = arch;
    const source = st.get('Source');
    if (source) {
      const m = /^(\S+)(?:\s+\(([^)]+)\))?/.exec(source);
      rec.sourceName = m?.[1] ?? source;
      rec.sourceVersion = m?.[2] ?? version;
    } else {
      rec.sourceName = name;
      rec.sourceVersion = version;
    }
    out.push(rec);
  }
  return out;
}

const DEBIAN_NAMES: Record<string, string> = { expat: 'MIT', artistic: 'Artistic-1.0', 'apache-2': 'Apache-2.0', 'zlib': 'Zlib', 'isc': 'ISC' };

/** DEP-5 short names to SPDX identifiers where the mapping is exact: `GPL-2+` → `GPL-2.0-or-later`. */
export function debianLicenseToSpdx(name: string): string {
  const m = /^(A?GPL|LGPL)-(\d)(?:\.(\d))?(\+)?$/i.exec(name);
  if (m) return `${m[1]!.toUpperCase()}-${m[2]}.${m[3] ?? '0'}-${m[4] ? 'or-later' : 'only'}`;
  return DEBIAN_NAMES[name.toLowerCase()] ?? name;
}

/** Licences named in a machine-readable (DEP-5) copyright file: its `License:` fields' short names. */
export function parseDebianCopyright(src: string): string[] {
  const found = new Set<string>();
  for (const m of src.matchAll(/^License:[ \t]*([^\n]+)$/gm)) {
    const v = m[1]!.trim();
    if (!v || v.length > 100) continue;
    for (const part of v.split(/\s+(?:or|and)\s+|\s*[|,]\s*/i)) {
      const id = part.replace(/[()]/g, '').trim();
      if (id && !/\s/.test(id)) found.add(debianLicenseToSpdx(id));
    }
  }
  return [...found].sort();
}

export const dpkgCataloger: Cataloger = {
  id: 'dpkg',
  wants: (p) => STATUS.test(p) || (STATUS_D.test(p) && !p.endsWith('.md5sums')) || COPYRIGHT.test(p),
  parse(bytes, p) {
    const m = COPYRIGHT.exec(p);
    if (m) return { licenses: { package: m[1]!, licenses: parseDebianCopyright(text(bytes)) } };
    return { os: parseDpkgStatus(text(bytes)) };
  },
};
