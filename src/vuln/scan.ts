import { readFileSync } from 'node:fs';
import type { Finding, Package, ScanNote, Severity } from '../model/index.js';
import { defaultCacheDir } from './db/paths.js';
import { VulnDatabase } from './db/store.js';
import { matchesToFindings } from './findings.js';
import { matchVulnerabilities } from './match.js';
import { applyVex, parseVex, type VexDocument } from './vex.js';

export interface ScanVulnerabilitiesOptions {
  /** drydock cache root (the database is `<cacheDir>/db/vulns.db`); defaults to the XDG cache. */
  cacheDir?: string;
  ignoreUnfixed?: boolean;
  severities?: Severity[];
  /** OpenVEX file paths, or parsed documents. */
  vex?: (string | VexDocument)[];
  /** Receives notes (unknown ecosystems, unparsable versions, database age). */
  notes?: ScanNote[];
  now?: Date;
}

/**
 * Matches packages against the local OSV database and returns findings (VEX-suppressed ones
 * marked, not removed). Throws NoVulnerabilityDatabaseError when there is no database: a scan
 * without one must fail, never report "no vulnerabilities".
 */
export function scanVulnerabilities(packages: Package[], options: ScanVulnerabilitiesOptions = {}): Finding[] {
  const db = VulnDatabase.open(options.cacheDir ?? defaultCacheDir());
  try {
    const notes = options.notes;
    const status = db.status(options.now ?? new Date());
    if (notes && status.ageSeconds > 7 * 86400) {
      notes.push({ code: 'vuln-db-old', message: `the vulnerability database is ${Math.round(status.ageSeconds / 86400)} days old; run "drydock db update"` });
    }
    const matches = matchVulnerabilities(packages, {
      db,
      ...(options.ignoreUnfixed ? { ignoreUnfixed: true } : {}),
      ...(options.severities ? { severities: options.severities } : {}),
      onNote: (n) => notes?.push(n),
    });
    const findings = matchesToFindings(matches);
    const docs = (options.vex ?? []).map((v) => (typeof v === 'string' ? parseVex(JSON.parse(readFileSync(v, 'utf8')), v) : v));
    if (docs.length > 0) applyVex(findings, docs);
    return findings;
  } finally {
    db.close();
  }
}
