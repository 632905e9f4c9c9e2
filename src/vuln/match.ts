import type { Package, Severity } from '../model/index.js';
import { SEVERITY_RANK } from '../model/index.js';
import { cvssScore, severityFromScore, type CvssScore } from './cvss.js';
import type { AffectedRow, StoredVuln, VulnDatabase } from './db/store.js';
import type { OsvEvent, OsvSeverity, StoredAffected } from './osv.js';
import { ecosystemKey, packageKey } from './osv.js';
import { baseEcosystem, schemeFor, SCHEMES, type VersionScheme } from './versions/index.js';
import { normalizeGo } from './versions/semver.js';

/** One known vulnerability of one package; aliases of the same flaw are merged into one match. */
export interface VulnMatch {
  package: Package;
  /** The id to report: a CVE when there is one, else a GHSA, else the OSV id. */
  primaryId: string;
  /** Every id and alias of the flaw, primary first. */
  ids: string[];
  /** The OSV records that matched. */
  advisories: string[];
  summary: string;
  ecosystem: string;
  installedVersion: string;
  /** The lowest version that fixes every matched record, when known. */
  fixedVersion?: string;
  severity: Severity;
  /** Where the severity came from: "CVSS_V3", "CVSS_V4", "GHSA", "Debian urgency", … */
  severitySource: string;
  cvss?: CvssScore;
  url?: string;
  published?: string;
}

export interface MatchOptions {
  db: VulnDatabase;
  /** Leave out vulnerabilities that no released version fixes yet. */
  ignoreUnfixed?: boolean;
  /** Keep only these severities. */
  severities?: Severity[];
  /** Notes on what could not be checked (unknown ecosystems, unparsable versions, GIT-only ranges). */
  onNote?: (note: { code: string; message: string }) => void;
}

interface Hit {
  vuln: StoredVuln;
  fixed?: string;
  unfixed: boolean;
  data: StoredAffected;
}

/** Evaluates a version against one OSV range per the specification's algorithm. */
export function inRange(version: string, events: OsvEvent[], cmp: (a: string, b: string) => number): { affected: boolean; fixed?: string } {
  let hasLimit = false;
  let underLimit = false;
  let hasIntroduced = false;
  for (const e of events) {
    if (e.introduced !== undefined) hasIntroduced = true;
    if (e.limit !== undefined) {
      hasLimit = true;
      if (!underLimit && (e.limit === '*' || cmp(version, e.limit) < 0)) underLimit = true;
    }
  }
  if (hasLimit && !underLimit) return NOT_AFFECTED;
  // A range without an `introduced` event (invalid, but published) is read as affected from the start.
  const sorted: OsvEvent[] = hasIntroduced ? [] : [START];
  for (const e of events) if (e.limit === undefined) sorted.push(e);
  if (sorted.length > 1) sorted.sort((a, b) => compareEvents(a, b, cmp));
  let affected = false;
  let fixed: string | undefined;
  for (const e of sorted) {
    if (e.introduced !== undefined) {
      if (e.introduced === '0' || cmp(version, e.introduced) >= 0) affected = true;
      else break;
    } else if (e.fixed !== undefined) {
      if (cmp(version, e.fixed) >= 0) affected = false;
      else {
        if (affected) fixed = e.fixed;
        break;
      }
    } else if (e.last_affected !== undefined) {
      if (cmp(version, e.last_affected) > 0) affected = false;
      else break;
    }
  }
  if (!affected) return NOT_AFFECTED;
  return fixed ? { affected, fixed } : { affected };
}

const NOT_AFFECTED: { affected: boolean; fixed?: string } = Object.freeze({ affected: false });
const START: OsvEvent = Object.freeze({ introduced: '0' });

function eventKey(e: OsvEvent): string {
  return e.introduced ?? e.fixed ?? e.last_affected ?? e.limit ?? '';
}

/** Events in version order; `introduced: "0"` comes first. */
function compareEvents(a: OsvEvent, b: OsvEvent, cmp: (a: string, b: string) => number): number {
  const ka = eventKey(a);
  const kb = eventKey(b);
  if (ka === '0' && a.introduced !== undefined) return kb === '0' && b.introduced !== undefined ? 0 : -1;
  if (kb === '0' && b.introduced !== undefined) return 1;
  return cmp(ka, kb);
}

const safeComparers = new Map<VersionScheme, (a: string, b: string) => number>();

/** The scheme's comparison, with an unparsable bound ordering as equal (made once per scheme). */
function safeCompare(scheme: VersionScheme): (a: string, b: string) => number {
  let cmp = safeComparers.get(scheme);
  if (!cmp) {
    cmp = (a, b) => {
      try {
        return scheme.compare(a, b);
      } catch {
        // An unparsable bound in a record orders as equal; the installed version is checked up front.
        return 0;
      }
    };
    safeComparers.set(scheme, cmp);
  }
  return cmp;
}

const DISTROS = new Set(['Debian', 'Ubuntu', 'Alpine', 'Wolfi', 'Chainguard', 'Red Hat', 'Rocky Linux', 'AlmaLinux', 'SUSE', 'openSUSE', 'Mageia', 'Photon OS', 'Azure Linux']);

/** Which (name, version) pairs of a package the database is asked about. */
function queries(pkg: Package): { name: string; version: string }[] {
  const base = baseEcosystem(pkg.ecosystem);
  if (base === 'Go' && (pkg.name === 'stdlib' || pkg.name === 'go' || pkg.name === 'toolchain')) return [{ name: 'stdlib', version: normalizeGo(pkg.version) }];
  if (DISTROS.has(base) && pkg.sourceName && pkg.sourceName !== pkg.name) {
    return [
      { name: pkg.sourceName, version: pkg.sourceVersion ?? pkg.version },
      { name: pkg.name, version: pkg.version },
    ];
  }
  if (DISTROS.has(base) && pkg.sourceVersion) return [{ name: pkg.name, version: pkg.sourceVersion }];
  return [{ name: pkg.name, version: pkg.version }];
}

function evaluate(version: string, data: StoredAffected, scheme: VersionScheme): { affected: boolean; fixed?: string; unfixed: boolean } {
  let affected = false;
  let fixed: string | undefined;
  let unfixed = false;
  const cmp = safeCompare(scheme);
  // `versions` lists hold the ecosystem's exact spellings.
  if (data.v && (data.v.includes(version) || (version.startsWith('v') && data.v.includes(version.slice(1))))) {
    affected = true;
    unfixed = true;
  }
  const bare = version.startsWith('v') ? version.slice(1) : version;
  for (const r of data.r ?? []) {
    const res = r.t === 'S' ? inRange(bare, r.e, safeCompare(SCHEMES.semver)) : inRange(version, r.e, cmp);
    if (res.affected) {
      if (res.fixed) {
        if (!fixed || cmp(res.fixed, fixed) < 0) fixed = res.fixed;
      } else unfixed = true;
      affected = true;
    }
  }
  // Listed in `versions` but some range names a fix: the fix is still worth showing.
  return fixed ? { affected, fixed, unfixed: false } : { affected, unfixed };
}

const ID_RANK = (id: string): number => (id.startsWith('CVE-') ? 0 : id.startsWith('GHSA-') ? 1 : 2);

function primaryOf(ids: Iterable<string>): string {
  return [...ids].sort((a, b) => ID_RANK(a) - ID_RANK(b) || (a < b ? -1 : a > b ? 1 : 0))[0]!;
}

interface Rated {
  severity: Severity;
  source: string;
  cvss?: CvssScore;
}

const DB_SEVERITY: Record<string, Severity> = {
  critical: 'critical',
  high: 'high',
  important: 'high',
  moderate: 'medium',
  medium: 'medium',
  low: 'low',
  negligible: 'low',
  unimportant: 'low',
  'end-of-life': 'low',
};

const rateCache = new WeakMap<StoredVuln, Rated | null>();

/** CVSS (v4 over v3 over v2, from the record or the affected entry), else the database's rating. */
export function rate(vuln: StoredVuln, data?: StoredAffected): Rated | undefined {
  // Most records rate the same for every package; only per-package severities differ.
  if (data?.s || data?.u) return rateUncached(vuln, data);
  let r = rateCache.get(vuln);
  if (r === undefined) rateCache.set(vuln, (r = rateUncached(vuln) ?? null));
  return r ?? undefined;
}

function rateUncached(vuln: StoredVuln, data?: StoredAffected): Rated | undefined {
  const all: OsvSeverity[] = [...(data?.s ?? []), ...vuln.severity];
  const order = ['CVSS_V4', 'CVSS_V3', 'CVSS_V2'];
  for (const type of order) {
    for (const s of all) {
      if (s.type !== type) continue;
      const c = cvssScore(s.score);
      if (c) return { severity: severityFromScore(c.score, c.version), source: type, cvss: c };
    }
  }
  for (const s of all) {
    const sev = DB_SEVERITY[s.score.trim().toLowerCase()];
    if (sev) return { severity: sev, source: s.type };
  }
  if (vuln.dbSeverity) {
    const sev = DB_SEVERITY[vuln.dbSeverity.trim().toLowerCase()];
    if (sev) return { severity: sev, source: 'database' };
  }
  if (data?.u) {
    const u = data.u.replace(/\*+$/, '').trim().toLowerCase();
    const sev = DB_SEVERITY[u];
    if (sev) return { severity: sev, source: 'urgency' };
  }
  return undefined;
}

function better(a: Rated | undefined, b: Rated | undefined): Rated | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.cvss && !b.cvss) return a;
  if (b.cvss && !a.cvss) return b;
  if (a.cvss && b.cvss) return b.cvss.score > a.cvss.score ? b : a;
  return SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a;
}

/**
 * Finds the known vulnerabilities of each package. Records that are aliases of one another (or
 * that name one upstream flaw) become one match; an advisory covering several upstream flaws
 * (a DSA or DLA) adds its id to each of them rather than standing alone.
 */
export function matchVulnerabilities(packages: Package[], options: MatchOptions): VulnMatch[] {
  // Each step is a function of its own: the optimising compiler then compiles each loop alone, with
  // the type feedback of its own runs, instead of recompiling one large function as each step of it
  // first runs.
  const { plans, byEco } = planQueries(packages, options.onNote ?? (() => {}));
  const { hitsOf, hitRids } = checkVersions(plans, byEco, options.db);
  options.db.preload(hitRids);
  const out = mergeHits(plans, hitsOf, options.db);
  return out.filter((m) => {
    if (options.ignoreUnfixed && !m.fixedVersion) return false;
    if (options.severities && options.severities.length > 0 && !options.severities.includes(m.severity)) return false;
    return true;
  });
}

interface Plan {
  pkg: Package;
  scheme: VersionScheme;
  qs: { name: string; key: string; version: string }[];
}

/** Per ecosystem key: the package names to look up, and the plans (by index) that asked. */
type EcoGroups = Map<string, { names: string[]; plans: number[] }>;

/** An affected entry whose version check matched, before its advisory is read. */
type PendingHit = Omit<Hit, 'vuln'> & { rid: number };

/** The questions for the database, grouped by ecosystem so that it answers them in batches. */
function planQueries(packages: Package[], note: NonNullable<MatchOptions['onNote']>): { plans: Plan[]; byEco: EcoGroups } {
  const unknown = new Set<string>();
  const plans: Plan[] = [];
  const byEco: EcoGroups = new Map();
  const ecoKeys = new Map<string, string>();
  for (const pkg of packages) {
    const scheme = schemeFor(pkg.ecosystem);
    if (!scheme) {
      if (!unknown.has(pkg.ecosystem)) note({ code: 'vuln-unknown-ecosystem', message: `no version ordering for ecosystem "${pkg.ecosystem}"; its packages were not checked` });
      unknown.add(pkg.ecosystem);
      continue;
    }
    let eco = ecoKeys.get(pkg.ecosystem);
    if (eco === undefined) ecoKeys.set(pkg.ecosystem, (eco = ecosystemKey(pkg.ecosystem)));
    let group = byEco.get(eco);
    if (!group) byEco.set(eco, (group = { names: [], plans: [] }));
    const qs: Plan['qs'] = [];
    for (const q of queries(pkg)) {
      if (!scheme.valid(q.version)) {
        note({ code: 'vuln-bad-version', message: `${pkg.purl}: version "${q.version}" is not a valid ${scheme.id} version; not checked` });
        continue;
      }
      const key = packageKey(pkg.ecosystem, q.name);
      qs.push({ name: q.name, key, version: q.version });
      group.names.push(key);
    }
    group.plans.push(plans.length);
    plans.push({ pkg, scheme, qs });
  }
  return { plans, byEco };
}

/**
 * The version checks, one ecosystem at a time: only the entries that match are kept, so the rest
 * of an ecosystem's answers can go before the next is read. Advisory rows are read afterwards, in
 * batches, for the hits only.
 */
function checkVersions(plans: Plan[], byEco: EcoGroups, db: VulnDatabase): { hitsOf: (PendingHit[] | undefined)[]; hitRids: number[] } {
  const hitsOf: (PendingHit[] | undefined)[] = new Array(plans.length);
  const hitRids: number[] = [];
  for (const [eco, group] of byEco) {
    const rows = db.affectedMany(eco, group.names);
    for (const i of group.plans) {
      const hits = checkPlan(plans[i]!, rows, hitRids);
      if (hits.length > 0) hitsOf[i] = hits;
    }
  }
  return { hitsOf, hitRids };
}

function checkPlan({ scheme, qs }: Plan, rows: Map<string, AffectedRow[]>, hitRids: number[]): PendingHit[] {
  const hits: PendingHit[] = [];
  for (const q of qs) {
    for (const row of rows.get(q.key) ?? NO_ROWS) {
      // A record already matched (through the source package, or a second entry) counts once.
      if (row.data.g || hasRid(hits, row.rid)) continue;
      const res = evaluate(q.version, row.data, scheme);
      if (!res.affected) continue;
      hitRids.push(row.rid);
      hits.push(res.fixed ? { rid: row.rid, unfixed: res.unfixed, data: row.data, fixed: res.fixed } : { rid: row.rid, unfixed: res.unfixed, data: row.data });
    }
  }
  return hits;
}

/** The matches of each package with hits, in package order, their advisories read (preloaded). */
function mergeHits(plans: Plan[], hitsOf: (PendingHit[] | undefined)[], db: VulnDatabase): VulnMatch[] {
  const out: VulnMatch[] = [];
  for (let i = 0; i < plans.length; i++) {
    const hits = hitsOf[i];
    if (!hits) continue;
    const { pkg, scheme } = plans[i]!;
    const full = hits.map((h): Hit => (h.fixed ? { vuln: db.vuln(h.rid), unfixed: h.unfixed, data: h.data, fixed: h.fixed } : { vuln: db.vuln(h.rid), unfixed: h.unfixed, data: h.data }));
    for (const m of merge(pkg, full, scheme)) out.push(m);
  }
  return out;
}

const NO_ROWS: readonly AffectedRow[] = [];

function hasRid(hits: readonly { rid: number }[], rid: number): boolean {
  for (let i = 0; i < hits.length; i++) if (hits[i]!.rid === rid) return true;
  return false;
}

function merge(pkg: Package, hits: Hit[], scheme: VersionScheme): VulnMatch[] {
  // Union-find over ids: aliases, and a single upstream id, join records.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string) => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  const umbrellas: Hit[] = [];
  const members: Hit[] = [];
  for (const h of hits) {
    if (h.vuln.upstream.length > 1 && h.vuln.aliases.length === 0) {
      umbrellas.push(h);
      continue;
    }
    members.push(h);
    union(h.vuln.id, h.vuln.id);
    for (const a of h.vuln.aliases) union(h.vuln.id, a);
    if (h.vuln.upstream.length === 1) union(h.vuln.id, h.vuln.upstream[0]!);
  }
  const groups = new Map<string, { hits: Hit[]; ids: Set<string> }>();
  for (const h of members) {
    const root = find(h.vuln.id);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { hits: [], ids: new Set() }));
    g.hits.push(h);
    g.ids.add(h.vuln.id);
    for (const a of h.vuln.aliases) g.ids.add(a);
    if (h.vuln.upstream.length === 1) g.ids.add(h.vuln.upstream[0]!);
  }
  for (const u of umbrellas) {
    let attached = false;
    for (const g of groups.values()) {
      if (u.vuln.upstream.some((id) => g.ids.has(id))) {
        g.hits.push(u);
        g.ids.add(u.vuln.id);
        attached = true;
      }
    }
    if (!attached) groups.set(u.vuln.id, { hits: [u], ids: new Set([u.vuln.id]) });
  }
  const cmp = safeCompare(scheme);
  const result: VulnMatch[] = [];
  for (const g of groups.values()) {
    const primary = primaryOf(g.ids);
    const ids = [primary, ...[...g.ids].filter((x) => x !== primary).sort()];
    // The fix must satisfy every record; an unfixed record with no fix anywhere leaves it open.
    let fixed: string | undefined;
    for (const h of g.hits) if (h.fixed && (!fixed || cmp(h.fixed, fixed) > 0)) fixed = h.fixed;
    let rated: Rated | undefined;
    for (const h of g.hits) rated = better(rated, rate(h.vuln, h.data));
    const lead = g.hits.find((h) => h.vuln.id === primary) ?? g.hits.find((h) => h.vuln.summary) ?? g.hits[0]!;
    const summary = lead.vuln.summary ?? g.hits.find((h) => h.vuln.summary)?.vuln.summary ?? primary;
    const q = queries(pkg)[0]!;
    result.push({
      package: pkg,
      primaryId: primary,
      ids,
      advisories: g.hits.map((h) => h.vuln.id).sort(),
      summary,
      ecosystem: pkg.ecosystem,
      installedVersion: q.version,
      ...(fixed ? { fixedVersion: fixed } : {}),
      severity: rated?.severity ?? 'medium',
      severitySource: rated?.source ?? 'unrated',
      ...(rated?.cvss ? { cvss: rated.cvss } : {}),
      ...(lead.vuln.url ? { url: lead.vuln.url } : {}),
      ...(lead.vuln.published ? { published: lead.vuln.published } : {}),
    });
  }
  return result.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (a.primaryId < b.primaryId ? -1 : 1));
}
