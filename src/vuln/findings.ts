import { fingerprint } from '../engine/fingerprint.js';
import type { Finding } from '../model/index.js';
import type { VulnMatch } from './match.js';

/** The rule id under which vulnerability findings are documented as a family. */
export const VULN_RULE_FAMILY = 'VULN';

/** One Finding per match: the primary id is the rule id, every id and alias is in `properties.ids`. */
export function matchesToFindings(matches: VulnMatch[]): Finding[] {
  return matches.map((m) => {
    const pkg = m.package;
    const loc = pkg.locations[0] ?? { path: pkg.purl };
    const fix = m.fixedVersion ? `fixed in ${m.fixedVersion}` : 'no fixed version yet';
    const others = m.ids.filter((x) => x !== m.primaryId);
    return {
      ruleId: m.primaryId,
      severity: m.severity,
      title: m.summary,
      message: `${pkg.name} ${m.installedVersion} is affected by ${m.primaryId}${others.length ? ` (${others.join(', ')})` : ''}: ${fix}`,
      practice: 'P3',
      location: {
        path: loc.path,
        startLine: 1,
        startColumn: 1,
        endLine: 1,
        endColumn: 1,
        ...(loc.layer ? { layer: loc.layer } : {}),
      },
      resource: { kind: 'Package', name: `${pkg.name}@${pkg.version}` },
      fingerprint: fingerprint(m.primaryId, { kind: 'Package', name: pkg.purl }, m.ids.slice().sort().join(',')),
      properties: {
        ids: m.ids,
        advisories: m.advisories,
        purl: pkg.purl,
        package: pkg.name,
        installedVersion: m.installedVersion,
        fixedVersion: m.fixedVersion ?? null,
        cvss: m.cvss ? { version: m.cvss.version, vector: m.cvss.vector, score: m.cvss.score } : null,
        severitySource: m.severitySource,
        ecosystem: m.ecosystem,
        ...(pkg.locations.length > 1 ? { locations: pkg.locations } : {}),
        ...(m.url ? { url: m.url } : {}),
        ...(m.published ? { published: m.published } : {}),
      },
    } satisfies Finding;
  });
}
