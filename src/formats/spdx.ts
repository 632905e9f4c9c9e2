import { createHash } from 'node:crypto';
import { sbomPackages, sbomSubject, spdxLicense, stableUuid } from '../catalog/sbom-input.js';
import type { Package, ScanResult } from '../model/index.js';
import type { Format } from './types.js';

/** The parts of SPDX 2.3 (schemas/spdx-2.3.schema.json) that drydock writes. */
export interface SpdxDocument {
  spdxVersion: 'SPDX-2.3';
  dataLicense: 'CC0-1.0';
  SPDXID: 'SPDXRef-DOCUMENT';
  name: string;
  documentNamespace: string;
  creationInfo: { created: string; creators: string[]; licenseListVersion?: string };
  packages: SpdxPackage[];
  relationships: SpdxRelationship[];
  hasExtractedLicensingInfos?: { licenseId: string; extractedText: string; name?: string }[];
}

export interface SpdxPackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  downloadLocation: string;
  filesAnalyzed: false;
  licenseConcluded: string;
  licenseDeclared: string;
  copyrightText: string;
  primaryPackagePurpose?: 'APPLICATION' | 'CONTAINER' | 'LIBRARY' | 'OPERATING_SYSTEM' | 'FILE';
  sourceInfo?: string;
  externalRefs?: { referenceCategory: 'PACKAGE-MANAGER' | 'SECURITY' | 'OTHER'; referenceType: string; referenceLocator: string }[];
  comment?: string;
}

export interface SpdxRelationship {
  spdxElementId: string;
  relationshipType: 'DESCRIBES' | 'CONTAINS' | 'DEPENDS_ON';
  relatedSpdxElement: string;
}

const NOASSERTION = 'NOASSERTION';

function idPart(s: string): string {
  return s.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'x';
}

function spdxTime(iso: string): string {
  const d = new Date(iso);
  return (Number.isNaN(d.getTime()) ? new Date(0) : d).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An SPDX 2.3 document of a result's packages. */
export function buildSpdx(result: ScanResult): SpdxDocument {
  const subject = sbomSubject(result);
  const packages = sbomPackages(result);
  const extracted = new Map<string, string>();
  const declared = (pkg: Package): string => {
    const raw = pkg.licenses ?? [];
    if (raw.length === 0) return NOASSERTION;
    const parts = raw.map((r) => {
      const l = spdxLicense(r);
      if ('expression' in l) return raw.length > 1 && /\s/.test(l.expression) ? `(${l.expression})` : l.expression;
      // A licence name that is no SPDX identifier is carried as extracted licensing info.
      const id = `LicenseRef-${idPart(r)}-${createHash('sha256').update(r).digest('hex').slice(0, 8)}`;
      extracted.set(id, r);
      return id;
    });
    return [...new Set(parts)].join(' AND ');
  };

  const rootId = `SPDXRef-${subject.kind === 'image' ? 'Image' : subject.kind === 'file' ? 'File' : 'Directory'}-${idPart(subject.name)}`;
  const root: SpdxPackage = {
    SPDXID: rootId,
    name: subject.name,
    ...(subject.version ? { versionInfo: subject.version } : {}),
    downloadLocation: NOASSERTION,
    filesAnalyzed: false,
    licenseConcluded: NOASSERTION,
    licenseDeclared: NOASSERTION,
    copyrightText: NOASSERTION,
    primaryPackagePurpose: subject.kind === 'image' ? 'CONTAINER' : subject.kind === 'file' ? 'FILE' : 'APPLICATION',
  };
  const out: SpdxPackage[] = [root];
  const relationships: SpdxRelationship[] = [{ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: rootId }];
  if (subject.os) {
    const osId = `SPDXRef-OperatingSystem-${idPart(subject.os.id)}`;
    out.push({
      SPDXID: osId,
      name: subject.os.id,
      ...(subject.os.versionId ? { versionInfo: subject.os.versionId } : {}),
      downloadLocation: NOASSERTION,
      filesAnalyzed: false,
      licenseConcluded: NOASSERTION,
      licenseDeclared: NOASSERTION,
      copyrightText: NOASSERTION,
      primaryPackagePurpose: 'OPERATING_SYSTEM',
    });
    relationships.push({ spdxElementId: rootId, relationshipType: 'CONTAINS', relatedSpdxElement: osId });
  }
  const used = new Set<string>();
  for (const p of packages) {
    const id = `SPDXRef-Package-${idPart(p.type)}-${idPart(p.name)}-${createHash('sha256').update(p.purl).digest('hex').slice(0, 16)}`;
    if (used.has(id)) continue;
    used.add(id);
    const where = p.locations.map((l) => (l.layer ? `${l.path} (layer ${l.layer})` : l.path)).join(', ');
    const pkg: SpdxPackage = {
      SPDXID: id,
      name: p.name,
      versionInfo: p.version,
      downloadLocation: NOASSERTION,
      filesAnalyzed: false,
      licenseConcluded: NOASSERTION,
      licenseDeclared: declared(p),
      copyrightText: NOASSERTION,
      primaryPackagePurpose: 'LIBRARY',
      sourceInfo: `acquired package info from ${p.foundBy}: ${where}`,
      externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: p.purl }],
    };
    if (p.sourceName && (p.sourceName !== p.name || (p.sourceVersion && p.sourceVersion !== p.version))) {
      pkg.comment = `source package: ${p.sourceName}${p.sourceVersion ? ` ${p.sourceVersion}` : ''}`;
    }
    out.push(pkg);
    relationships.push({ spdxElementId: rootId, relationshipType: 'CONTAINS', relatedSpdxElement: id });
  }
  const uuid = stableUuid(subject.name, subject.version ?? '', result.startedAt, ...packages.map((p) => p.purl));
  const doc: SpdxDocument = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: subject.name,
    documentNamespace: `https://drydock.invalid/spdx/${encodeURIComponent(idPart(subject.name))}-${uuid}`,
    creationInfo: { created: spdxTime(result.startedAt), creators: [`Tool: drydock-${result.tool.version}`] },
    packages: out,
    relationships,
  };
  if (extracted.size > 0) {
    doc.hasExtractedLicensingInfos = [...extracted].sort(([a], [b]) => (a < b ? -1 : 1)).map(([licenseId, text]) => ({ licenseId, extractedText: text, name: text }));
  }
  return doc;
}

export const spdxFormat: Format = {
  id: 'spdx',
  aliases: ['spdx-json'],
  description: 'SPDX 2.3 JSON SBOM: packages with purls, declared licences and where they were found.',
  mediaType: 'application/spdx+json',
  render: (result) => `${JSON.stringify(buildSpdx(result), null, 2)}\n`,
};
