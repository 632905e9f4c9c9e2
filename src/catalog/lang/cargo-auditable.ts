import { inflateSync } from 'node:zlib';
import type { Cataloger, LangPackage } from '../types.js';
import { isObject, langPackage, str } from '../util.js';
import { findSection, isExecutableCandidate } from './binary.js';

const MAX_JSON = 16 * 1024 * 1024;

/** Packages from a `cargo auditable` binary: the `.dep-v0` section is zlib-compressed JSON. */
export function parseCargoAuditable(bin: Uint8Array): LangPackage[] | undefined {
  const sec = findSection(bin, ['.dep-v0']);
  if (!sec) return undefined;
  const raw = inflateSync(sec, { maxOutputLength: MAX_JSON });
  const doc = JSON.parse(raw.toString('utf8')) as unknown;
  if (!isObject(doc) || !Array.isArray(doc.packages)) throw new Error('.dep-v0 holds no package list');
  const out: LangPackage[] = [];
  for (const p of doc.packages) {
    if (!isObject(p)) continue;
    const name = str(p.name);
    const version = str(p.version);
    // The crate the binary was built from is "local": not a published package.
    if (!name || !version || p.source === 'local' || p.root === true) continue;
    out.push(langPackage('cargo', 'crates.io', name, version));
  }
  return out;
}

export const cargoAuditableCataloger: Cataloger = {
  id: 'cargo-auditable',
  wants: isExecutableCandidate,
  parse(bytes) {
    const packages = parseCargoAuditable(bytes);
    return packages ? { packages } : {};
  },
};
