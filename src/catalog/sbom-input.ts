import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as CDX from '@cyclonedx/cyclonedx-library';
import type { Finding, Package, ScanResult } from '../model/index.js';

/** What an SBOM describes: set by `drydock sbom` and the image scanner in `result.sbom`. */
export interface SbomSubject {
  kind: 'image' | 'directory' | 'file';
  name: string;
  /** Image digest (`sha256:…`) or a version. */
  version?: string;
  /** The distribution, e.g. "debian 12". */
  os?: { id: string; versionId?: string; prettyName?: string };
}

export function sbomSubject(result: ScanResult): SbomSubject {
  const s = result.sbom as Partial<SbomSubject> | undefined;
  if (s && typeof s === 'object' && typeof s.name === 'string' && (s.kind === 'image' || s.kind === 'directory' || s.kind === 'file')) return s as SbomSubject;
  return { kind: 'directory', name: result.target };
}

export function sbomPackages(result: ScanResult): Package[] {
  return Array.isArray(result.packages) ? (result.packages as Package[]) : [];
}

/** A vulnerability finding, as the vulnerability scanner records it in `Finding.properties`. */
export interface VulnerabilityFact {
  finding: Finding;
  ids: string[];
  purl: string;
  fixedVersion?: string;
  cvss: { score?: number; vector?: string; version?: string }[];
}

export function vulnerabilityFacts(result: ScanResult): VulnerabilityFact[] {
  const out: VulnerabilityFact[] = [];
  for (const f of result.findings ?? []) {
    const p = f.properties;
    if (!p || f.suppressed) continue;
    const ids = Array.isArray(p.ids) ? p.ids.filter((x): x is string => typeof x === 'string' && x.length > 0) : [];
    if (ids.length === 0 || typeof p.purl !== 'string') continue;
    const raw = Array.isArray(p.cvss) ? p.cvss : p.cvss === undefined ? [] : [p.cvss];
    const cvss = raw.flatMap((c) => {
      if (typeof c === 'number') return [{ score: c }];
      if (typeof c === 'string') return [{ vector: c }];
      if (c && typeof c === 'object') {
        const o = c as Record<string, unknown>;
        const r: { score?: number; vector?: string; version?: string } = {};
        if (typeof o.score === 'number') r.score = o.score;
        if (typeof o.vector === 'string') r.vector = o.vector;
        if (typeof o.version === 'string') r.version = o.version;
        return [r];
      }
      return [];
    });
    const v: VulnerabilityFact = { finding: f, ids, purl: p.purl, cvss };
    if (typeof p.fixedVersion === 'string' && p.fixedVersion) v.fixedVersion = p.fixedVersion;
    out.push(v);
  }
  return out;
}

let spdxIds: typeof CDX.SPDX | undefined;
/**
 * The SPDX licence list the CycloneDX library ships, loaded on first use from its own entry point:
 * the whole library costs 12 MiB more, which an SPDX document does not need.
 */
function spdx(): typeof CDX.SPDX {
  spdxIds ??= createRequire(import.meta.url)('@cyclonedx/cyclonedx-library/SPDX') as typeof CDX.SPDX;
  return spdxIds;
}
const isSpdxId = (s: string): boolean => spdx().isSupportedSpdxId(s);

const OPERATORS = new Set(['AND', 'OR', 'WITH']);

/**
 * Licences as SPDX sees them: a licence field that is a valid SPDX identifier or expression
 * (also the space-separated lists apk writes) becomes an expression; anything else stays a name.
 */
export function spdxLicense(raw: string): { expression: string } | { name: string } {
  const tokens = raw.replace(/[()]/g, ' $& ').trim().split(/\s+/);
  const fixed: string[] = [];
  let operators = 0;
  for (const t of tokens) {
    if (t === '(' || t === ')') fixed.push(t);
    else if (OPERATORS.has(t.toUpperCase())) {
      fixed.push(t.toUpperCase());
      operators++;
    } else {
      const word: string = t;
      const plus = word.endsWith('+') && !isSpdxId(word);
      const id = spdx().fixupSpdxId(plus ? word.slice(0, -1) : word);
      if (!id) return { name: raw };
      fixed.push(plus ? `${id}+` : id);
    }
  }
  // "MPL-2.0 GPL-2.0-or-later": a list without operators means all of them apply.
  if (operators === 0 && fixed.length > 1 && !fixed.includes('(')) return { expression: fixed.join(' AND ') };
  return { expression: fixed.join(' ').replace(/\( /g, '(').replace(/ \)/g, ')') };
}

/** A stable identifier from content, shaped as a UUID, so the same input gives the same document. */
export function stableUuid(...parts: string[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  const b = h.digest();
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const x = b.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
