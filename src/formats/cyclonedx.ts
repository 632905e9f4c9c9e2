import { createRequire } from 'node:module';
import type * as CDX from '@cyclonedx/cyclonedx-library';
import { sbomPackages, sbomSubject, spdxLicense, stableUuid, vulnerabilityFacts } from '../catalog/sbom-input.js';
import type { Package, ScanResult } from '../model/index.js';
import type { Format } from './types.js';

type CdxParts = Pick<typeof CDX, 'Models' | 'Enums' | 'Serialize' | 'Spec'>;

// The library is loaded on first use, and only the parts that build and write a BOM: its entry
// point also loads the optional JSON and XML validators (ajv and more), several MiB never used here.
let lib: CdxParts | undefined;
function cdx(): CdxParts {
  if (!lib) {
    const load = createRequire(import.meta.url);
    lib = {
      Models: load('@cyclonedx/cyclonedx-library/Models') as typeof CDX.Models,
      Enums: load('@cyclonedx/cyclonedx-library/Enums') as typeof CDX.Enums,
      Serialize: load('@cyclonedx/cyclonedx-library/Serialize') as typeof CDX.Serialize,
      Spec: load('@cyclonedx/cyclonedx-library/Spec') as typeof CDX.Spec,
    };
  }
  return lib;
}

function licenses(pkg: Package): CDX.Models.License[] {
  const { Models } = cdx();
  const raw = pkg.licenses ?? [];
  if (raw.length === 0) return [];
  const parsed = raw.map((r) => ({ raw: r, spdx: spdxLicense(r) }));
  const single = (e: string) => !/[\s()]/.test(e);
  // CycloneDX takes either licences or one expression, never both.
  if (parsed.every((p) => 'expression' in p.spdx)) {
    const exprs = parsed.map((p) => (p.spdx as { expression: string }).expression);
    if (exprs.every(single)) return [...new Set(exprs)].map((id) => new Models.SpdxLicense(id));
    const joined = exprs.length === 1 ? exprs[0]! : exprs.map((e) => (single(e) ? e : `(${e})`)).join(' AND ');
    return [new Models.LicenseExpression(joined)];
  }
  return parsed.map((p) => ('expression' in p.spdx && single(p.spdx.expression) ? new Models.SpdxLicense(p.spdx.expression) : new Models.NamedLicense(p.raw)));
}

function component(pkg: Package): CDX.Models.Component {
  const { Models, Enums } = cdx();
  const c = new Models.Component(Enums.ComponentType.Library, pkg.name, { version: pkg.version, purl: pkg.purl, bomRef: pkg.purl });
  for (const l of licenses(pkg)) c.licenses.add(l);
  const prop = (name: string, value: string | undefined) => {
    if (value) c.properties.add(new Models.Property(name, value));
  };
  prop('drydock:package:type', pkg.type);
  prop('drydock:package:ecosystem', pkg.ecosystem);
  prop('drydock:package:foundBy', pkg.foundBy);
  prop('drydock:package:sourceName', pkg.sourceName);
  prop('drydock:package:sourceVersion', pkg.sourceVersion);
  pkg.locations.forEach((l, i) => {
    prop(`drydock:location:${i}:path`, l.path);
    prop(`drydock:location:${i}:layer`, l.layer);
  });
  return c;
}

function severityOf(s: string): CDX.Enums.Vulnerability.Severity {
  const { Severity } = cdx().Enums.Vulnerability;
  const map: Record<string, CDX.Enums.Vulnerability.Severity> = { critical: Severity.Critical, high: Severity.High, medium: Severity.Medium, low: Severity.Low, info: Severity.Info };
  return map[s] ?? Severity.Unknown;
}

function ratingMethod(vector: string | undefined, version: string | undefined): CDX.Enums.Vulnerability.RatingMethod | undefined {
  const { Enums } = cdx();
  const v = version ?? /^CVSS:(\d\.\d)/.exec(vector ?? '')?.[1];
  if (v === '4.0') return Enums.Vulnerability.RatingMethod.CVSSv4;
  if (v === '3.1') return Enums.Vulnerability.RatingMethod.CVSSv31;
  if (v === '3.0') return Enums.Vulnerability.RatingMethod.CVSSv3;
  if (v === '2.0' || (vector && /^AV:/.test(vector))) return Enums.Vulnerability.RatingMethod.CVSSv2;
  return undefined;
}

function sourceFor(id: string): CDX.Models.Vulnerability.Source {
  const VulnModels = cdx().Models.Vulnerability;
  if (id.startsWith('CVE-')) return new VulnModels.Source({ name: 'NVD', url: `https://nvd.nist.gov/vuln/detail/${id}` });
  if (id.startsWith('GHSA-')) return new VulnModels.Source({ name: 'GitHub', url: `https://github.com/advisories/${id}` });
  return new VulnModels.Source({ name: 'OSV', url: `https://osv.dev/vulnerability/${id}` });
}

/** The CycloneDX 1.6 BOM of a result: its packages, and its vulnerability findings when present. */
export function buildCycloneDx(result: ScanResult): CDX.Models.Bom {
  const { Models, Enums } = cdx();
  const VulnModels = Models.Vulnerability;
  const subject = sbomSubject(result);
  const packages = sbomPackages(result);
  const bom = new Models.Bom();
  bom.serialNumber = `urn:uuid:${stableUuid(subject.name, subject.version ?? '', result.startedAt, ...packages.map((p) => p.purl))}`;
  bom.metadata.timestamp = new Date(result.startedAt);
  bom.metadata.tools.components.add(new Models.Component(Enums.ComponentType.Application, 'drydock', { version: result.tool.version }));
  const root = new Models.Component(subject.kind === 'image' ? Enums.ComponentType.Container : subject.kind === 'file' ? Enums.ComponentType.File : Enums.ComponentType.Application, subject.name, {
    bomRef: 'drydock:target',
    ...(subject.version ? { version: subject.version } : {}),
  });
  if (subject.os) {
    const os = new Models.Component(Enums.ComponentType.OperatingSystem, subject.os.id, {
      bomRef: 'drydock:os',
      ...(subject.os.versionId ? { version: subject.os.versionId } : {}),
      ...(subject.os.prettyName ? { description: subject.os.prettyName } : {}),
    });
    bom.components.add(os);
    root.dependencies.add(os.bomRef);
  }
  bom.metadata.component = root;
  const byPurl = new Map<string, CDX.Models.Component>();
  for (const p of packages) {
    if (byPurl.has(p.purl)) continue;
    const c = component(p);
    byPurl.set(p.purl, c);
    bom.components.add(c);
    root.dependencies.add(c.bomRef);
  }
  const seen = new Set<string>();
  for (const v of vulnerabilityFacts(result)) {
    const [id, ...aliases] = v.ids;
    const ref = `${id}|${v.purl}`;
    if (seen.has(ref)) continue;
    seen.add(ref);
    const vuln = new VulnModels.Vulnerability({
      bomRef: ref,
      id: id!,
      source: sourceFor(id!),
      description: v.finding.message,
      ...(v.fixedVersion ? { recommendation: `Upgrade to ${v.fixedVersion} or later.` } : {}),
    });
    for (const a of aliases) vuln.references.add(new VulnModels.Reference(a, sourceFor(a)));
    const severity = severityOf(v.finding.severity);
    if (v.cvss.length === 0) vuln.ratings.add(new VulnModels.Rating({ severity }));
    for (const c of v.cvss) {
      const method = ratingMethod(c.vector, c.version);
      vuln.ratings.add(
        new VulnModels.Rating({ severity, ...(c.score !== undefined ? { score: c.score } : {}), ...(c.vector ? { vector: c.vector } : {}), ...(method ? { method } : {}) }),
      );
    }
    const target = byPurl.get(v.purl)?.bomRef ?? new Models.BomRef(v.purl);
    vuln.affects.add(new VulnModels.Affect(target));
    bom.vulnerabilities.add(vuln);
  }
  return bom;
}

export function renderCycloneDx(result: ScanResult): string {
  const { Serialize, Spec } = cdx();
  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6));
  return `${serializer.serialize(buildCycloneDx(result), { sortLists: true, space: 2 })}\n`;
}

export const cyclonedxFormat: Format = {
  id: 'cyclonedx',
  aliases: ['cyclonedx-json', 'cdx'],
  description: 'CycloneDX 1.6 JSON SBOM: packages with purls, licences and locations, and vulnerabilities when scanned.',
  mediaType: 'application/vnd.cyclonedx+json',
  render: (result) => renderCycloneDx(result),
};
