import type { VirtualFile } from '../analyzers/types.js';
import type { Package } from '../model/index.js';
import { catalogers as allCatalogers } from './registry.js';
import { distroQualifier, osvEcosystem, parseOsRelease, purlNamespace, type OsRelease } from './os/os-release.js';
import type { CatalogProblem, Cataloger, LangPackage, OsRecord } from './types.js';
import { purl } from './util.js';

export interface CatalogOptions {
  /** Restrict to these cataloger ids (default: all). */
  catalogers?: readonly string[];
  /** Leave out lockfile catalogers (images hold installed packages; their lockfiles are build inputs). */
  lockfiles?: boolean;
  /** Files larger than this are reported and not parsed. */
  maxFileSize?: number;
}

export interface Catalog {
  /** Cheap path test: should the reader buffer this file for `add`? */
  wants(path: string): boolean;
  /** Parse one file. A later file at the same path (a later layer) replaces the earlier one. */
  add(file: VirtualFile): void;
  /** The packages found, each once (same purl = same package, locations merged), sorted by purl. */
  finish(): Package[];
  /** Files that could not be parsed, and what went wrong. */
  problems(): CatalogProblem[];
  /** The distribution identified from os-release, if any. */
  os(): OsRelease | undefined;
}

const OS_RELEASE = ['etc/os-release', 'usr/lib/os-release'];

/**
 * Catalogers whose files are large and self-contained (executables, Java archives): a reader may
 * hand these over while it streams each layer, instead of buffering them until the end.
 */
export const STREAMED_CATALOGERS: readonly string[] = ['go-binary', 'cargo-auditable', 'java-archive'];
export const BUFFERED_CATALOGERS: readonly string[] = allCatalogers.map((c) => c.id).filter((id) => !STREAMED_CATALOGERS.includes(id));
const DEFAULT_MAX_FILE = 512 * 1024 * 1024;

interface FileEntry {
  cataloger: string;
  layer?: string | undefined;
  shownPath: string;
  os?: OsRecord[] | undefined;
  packages?: LangPackage[] | undefined;
}

export function normalisePath(p: string): string {
  let s = p.replace(/\\/g, '/');
  while (s.startsWith('./')) s = s.slice(2);
  while (s.startsWith('/')) s = s.slice(1);
  return s;
}

export function createCatalog(options: CatalogOptions = {}): Catalog {
  const active = allCatalogers.filter(
    (c) => (!options.catalogers || options.catalogers.includes(c.id)) && (options.lockfiles !== false || !c.id.endsWith('-lock')),
  );
  const maxFile = options.maxFileSize ?? DEFAULT_MAX_FILE;
  const files = new Map<string, FileEntry[]>();
  // The first layer where each OS package appeared: later layers rewrite the whole database file.
  const firstLayer = new Map<string, string>();
  const copyright = new Map<string, string[]>();
  const osReleases = new Map<string, OsRelease>();
  const problems: CatalogProblem[] = [];

  const matching = (p: string): Cataloger[] => active.filter((c) => c.wants(p));

  return {
    wants(p) {
      const n = normalisePath(p);
      return OS_RELEASE.includes(n) || active.some((c) => c.wants(n));
    },
    add(file) {
      const n = normalisePath(file.path);
      const layer = file.origin?.layer;
      if (OS_RELEASE.includes(n)) {
        const r = parseOsRelease(file.bytes);
        if (r) osReleases.set(n, r);
        return;
      }
      const entries: FileEntry[] = [];
      for (const c of matching(n)) {
        if (file.bytes.length > maxFile) {
          problems.push({ path: file.path, message: `file is larger than ${maxFile} bytes; not catalogued`, code: 'too-large' });
          break;
        }
        try {
          const out = c.parse(file.bytes, n);
          for (const m of out.problems ?? []) problems.push({ path: file.path, message: m, code: 'invalid-package-data' });
          if (out.licenses) {
            copyright.set(out.licenses.package, out.licenses.licenses);
            continue;
          }
          const e: FileEntry = { cataloger: c.id, layer, shownPath: file.path, os: out.os, packages: out.packages };
          if (out.os) for (const r of out.os) {
            const key = `${n}\0${r.name}\0${r.version}`;
            if (layer && !firstLayer.has(key)) firstLayer.set(key, layer);
          }
          entries.push(e);
        } catch (err) {
          problems.push({ path: file.path, message: `${c.id}: ${err instanceof Error ? err.message : String(err)}`, code: 'invalid-package-data' });
        }
      }
      if (entries.length > 0) files.set(n, entries);
    },
    finish() {
      const os = osReleases.get('etc/os-release') ?? osReleases.get('usr/lib/os-release');
      const byPurl = new Map<string, Package>();
      const put = (p: Package) => {
        const seen = byPurl.get(p.purl);
        if (!seen) {
          byPurl.set(p.purl, p);
          return;
        }
        for (const l of p.locations) {
          if (!seen.locations.some((x) => x.path === l.path && x.layer === l.layer)) seen.locations.push(l);
        }
      };
      for (const [n, entries] of files) {
        for (const e of entries) {
          for (const r of e.os ?? []) {
            const layer = firstLayer.get(`${n}\0${r.name}\0${r.version}`) ?? e.layer;
            const pkg = osPackage(r, os);
            if (r.kind === 'deb' && !pkg.licenses) {
              const lic = copyright.get(r.name);
              if (lic && lic.length > 0) pkg.licenses = lic;
            }
            put({ ...pkg, locations: [location(e.shownPath, layer)], foundBy: e.cataloger });
          }
          for (const p of e.packages ?? []) put({ ...p, locations: [location(e.shownPath, e.layer)], foundBy: e.cataloger });
        }
      }
      return [...byPurl.values()].sort((a, b) => (a.purl < b.purl ? -1 : a.purl > b.purl ? 1 : 0));
    },
    problems: () => [...problems],
    os: () => osReleases.get('etc/os-release') ?? osReleases.get('usr/lib/os-release'),
  };
}

function location(path: string, layer: string | undefined): Package['locations'][number] {
  return layer ? { path, layer } : { path };
}

/** Gives an OS record its distribution: OSV ecosystem and purl with `arch`, `epoch` and `distro`. */
export function osPackage(r: OsRecord, os: OsRelease | undefined): Omit<Package, 'locations' | 'foundBy'> {
  let purlVersion = r.version;
  if (r.kind === 'rpm' && r.epoch) purlVersion = r.version.slice(r.version.indexOf(':') + 1);
  const p: Omit<Package, 'locations' | 'foundBy'> = {
    name: r.name,
    version: r.version,
    ecosystem: osvEcosystem(os, r.kind),
    type: r.kind,
    purl: purl(r.kind, purlNamespace(os, r.kind), r.name, purlVersion, {
      arch: r.arch,
      epoch: r.kind === 'rpm' && r.epoch ? String(r.epoch) : undefined,
      upstream: r.sourceName && (r.sourceName !== r.name || (r.sourceVersion && r.sourceVersion !== r.version)) ? (r.sourceVersion && r.sourceVersion !== r.version ? `${r.sourceName}@${r.sourceVersion}` : r.sourceName) : undefined,
      distro: distroQualifier(os),
    }),
  };
  if (r.licenses && r.licenses.length > 0) p.licenses = r.licenses;
  if (r.sourceName) p.sourceName = r.sourceName;
  if (r.sourceVersion) p.sourceVersion = r.sourceVersion;
  return p;
}
