import type { Finding } from '../model/index.js';

/**
 * The CycloneDX (1.5/1.6) `vulnerabilities` section for vulnerability findings. `bomRef` maps a
 * package URL to the bom-ref of its component in the SBOM (defaults to the purl itself).
 * VEX-suppressed findings carry an `analysis` with the VEX state.
 */
export function cyclonedxVulnerabilities(findings: Finding[], bomRef: (purl: string) => string = (p) => p): Record<string, unknown>[] {
  const byId = new Map<string, Record<string, unknown>>();
  for (const f of findings) {
    const p = f.properties ?? {};
    const purl = typeof p.purl === 'string' ? p.purl : undefined;
    if (!Array.isArray(p.ids) || !purl) continue;
    let v = byId.get(f.ruleId);
    if (!v) {
      const ids = (p.ids as string[]).filter((x) => x !== f.ruleId);
      const cvss = p.cvss as { version: string; vector: string; score: number } | null | undefined;
      const method = cvss ? ({ '4.0': 'CVSSv4', '3.1': 'CVSSv31', '3.0': 'CVSSv3', '2.0': 'CVSSv2' } as Record<string, string>)[cvss.version] : undefined;
      v = {
        'bom-ref': `vuln:${f.ruleId}`,
        id: f.ruleId,
        source: sourceOf(f.ruleId),
        ...(ids.length ? { references: ids.map((id) => ({ id, source: sourceOf(id) })) } : {}),
        ratings: [
          cvss
            ? { score: cvss.score, severity: f.severity === 'info' ? 'none' : f.severity, method, vector: cvss.vector }
            : { severity: f.severity === 'info' ? 'none' : f.severity, method: 'other' },
        ],
        description: f.title,
        ...(typeof p.url === 'string' ? { advisories: [{ url: p.url }] } : {}),
        ...(p.fixedVersion ? { recommendation: `Upgrade to ${String(p.fixedVersion)} or later` } : {}),
        affects: [],
      };
      if (f.suppressed?.kind === 'vex') {
        const state = /fixed/.test(f.suppressed.reason) && !/not_affected/.test(f.suppressed.reason) ? 'resolved' : 'not_affected';
        v.analysis = { state, detail: f.suppressed.reason };
      }
      byId.set(f.ruleId, v);
    }
    (v.affects as unknown[]).push({ ref: bomRef(purl), versions: [{ version: String(p.installedVersion ?? ''), status: 'affected' }] });
  }
  return [...byId.values()];
}

function sourceOf(id: string): { name: string; url: string } {
  if (id.startsWith('CVE-')) return { name: 'NVD', url: `https://nvd.nist.gov/vuln/detail/${id}` };
  if (id.startsWith('GHSA-')) return { name: 'GitHub', url: `https://github.com/advisories/${id}` };
  return { name: 'OSV', url: `https://osv.dev/vulnerability/${id}` };
}
