import picomatch from 'picomatch';
import type { Finding, ScanNote } from '../model/index.js';
import type { RuleMeta } from '../rules/types.js';
import { ruleMatchesId } from './rule-index.js';

/** One entry of `.drydockignore.yaml`. */
export interface IgnoreEntry {
  /** Rule id or alias, or a vulnerability id or alias. */
  id?: string;
  /** Path globs the entry is limited to. */
  paths?: string[];
  /** Package URL globs (vulnerability findings). */
  purls?: string[];
  fingerprint?: string;
  /** ISO date (YYYY-MM-DD); after it the entry stops suppressing. */
  expires?: string;
  reason: string;
  /** Where the entry was written, for the report. */
  source?: string;
}

export interface SuppressOptions {
  entries: readonly IgnoreEntry[];
  /** Fingerprints of an accepted baseline report. */
  baseline?: ReadonlySet<string>;
  now: Date;
  ruleMeta(ruleId: string): RuleMeta | undefined;
  /** The scan target as written; path globs also match paths relative to it. */
  target?: string;
}

/**
 * Applies ignore-file entries and a baseline to findings that inline comments and annotations left
 * standing. Returns notes for entries that have expired, so the user knows why a finding is back.
 */
export function applySuppressions(findings: Finding[], options: SuppressOptions): ScanNote[] {
  const notes: ScanNote[] = [];
  const today = options.now.toISOString().slice(0, 10);
  const active: { entry: IgnoreEntry; path: (p: string) => boolean; purl: (p: string) => boolean }[] = [];
  for (const entry of options.entries) {
    if (entry.expires && String(entry.expires).slice(0, 10) < today) {
      notes.push({
        code: 'ignore-expired',
        message: `ignore entry for ${entry.id ?? entry.fingerprint ?? '?'} expired on ${String(entry.expires).slice(0, 10)} and no longer suppresses${entry.source ? ` (${entry.source})` : ''}`,
      });
      continue;
    }
    active.push({
      entry,
      path: entry.paths && entry.paths.length > 0 ? picomatch(entry.paths, { dot: true }) : () => true,
      purl: entry.purls && entry.purls.length > 0 ? picomatch(entry.purls, { dot: true }) : () => true,
    });
  }
  for (const f of findings) {
    if (f.suppressed) continue;
    for (const { entry, path, purl } of active) {
      if (entry.fingerprint && entry.fingerprint !== f.fingerprint) continue;
      if (entry.id && !idMatches(entry.id, f, options.ruleMeta(f.ruleId))) continue;
      if (!entry.id && !entry.fingerprint) continue;
      if (!path(f.location.path) && !path(relativeTo(f.location.path, options.target))) continue;
      if (entry.purls && entry.purls.length > 0) {
        const p = typeof f.properties?.purl === 'string' ? f.properties.purl : undefined;
        if (!p || !purl(p)) continue;
      }
      f.suppressed = { kind: 'ignore-file', reason: entry.reason, ...(entry.source ? { source: entry.source } : {}), ...(entry.expires ? { expires: String(entry.expires).slice(0, 10) } : {}) };
      break;
    }
    if (!f.suppressed && options.baseline?.has(f.fingerprint)) {
      f.suppressed = { kind: 'baseline', reason: 'present in the baseline report' };
    }
  }
  return notes;
}

function idMatches(id: string, f: Finding, meta: RuleMeta | undefined): boolean {
  if (meta && ruleMatchesId(meta, id)) return true;
  if (f.ruleId.toUpperCase() === id.toUpperCase()) return true;
  // Vulnerability findings carry their ids and aliases as properties.
  const ids = f.properties?.ids;
  return Array.isArray(ids) && ids.some((x) => typeof x === 'string' && x.toUpperCase() === id.toUpperCase());
}

function relativeTo(p: string, target: string | undefined): string {
  if (!target) return p;
  const prefix = target.replace(/\/+$/, '') + '/';
  return p.startsWith(prefix) ? p.slice(prefix.length) : p;
}
