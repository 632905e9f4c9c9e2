import type { Cataloger, LangPackage } from '../types.js';
import { basename, langPackage, text } from '../util.js';
import { listZip, readZipEntry } from './zip.js';

const ARCHIVE = /\.(?:jar|war|ear|par|sar|jpi|hpi|kar|rar|nar)$/i;
const MAX_META = 1024 * 1024;
const MAX_NESTED = 128 * 1024 * 1024;
const MAX_DEPTH = 4;
const MAX_TOTAL = 512 * 1024 * 1024;

function properties(src: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of src.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const m = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (m) out.set(m[1]!, m[2]!);
  }
  return out;
}

/** MANIFEST.MF main section: `Key: value` lines, continuation lines start with one space. */
export function parseManifest(src: string): Map<string, string> {
  const out = new Map<string, string>();
  let last: string | undefined;
  for (const line of src.split(/\r?\n/)) {
    if (line === '') break;
    if (line.startsWith(' ') && last) {
      out.set(last, out.get(last)! + line.slice(1));
      continue;
    }
    const c = line.indexOf(':');
    if (c > 0) {
      last = line.slice(0, c).trim();
      out.set(last, line.slice(c + 1).trim());
    }
  }
  return out;
}

interface Budget {
  total: number;
}

/** Packages in a Java archive: one per `pom.properties`, else from the manifest or file name; nested archives too. */
export function javaArchivePackages(bytes: Uint8Array, name: string, depth = 0, budget: Budget = { total: 0 }): { packages: LangPackage[]; problems: string[] } {
  const packages: LangPackage[] = [];
  const problems: string[] = [];
  const entries = listZip(bytes);
  const read = (e: (typeof entries)[number], max: number) => {
    budget.total += e.size;
    if (budget.total > MAX_TOTAL) throw new Error(`archive expands past ${MAX_TOTAL} bytes`);
    return readZipEntry(bytes, e, max);
  };
  for (const e of entries) {
    if (/^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/.test(e.name)) {
      const p = properties(text(read(e, MAX_META)));
      const g = p.get('groupId');
      const a = p.get('artifactId');
      const v = p.get('version');
      if (g && a && v) packages.push(langPackage('maven', 'Maven', `${g}:${a}`, v));
    }
  }
  if (packages.length === 0) {
    const mf = entries.find((e) => e.name === 'META-INF/MANIFEST.MF');
    const m = mf ? parseManifest(text(read(mf, MAX_META))) : new Map<string, string>();
    const fromFile = /^(.+?)-(\d[\w.+-]*)\.[a-z]+$/i.exec(basename(name));
    const artifact = (m.get('Bundle-SymbolicName')?.split(';')[0] ?? m.get('Implementation-Title') ?? fromFile?.[1])?.trim();
    const version = (m.get('Implementation-Version') ?? m.get('Bundle-Version') ?? fromFile?.[2])?.trim();
    const group = m.get('Implementation-Vendor-Id')?.trim();
    if (artifact && version && !/\s/.test(artifact)) {
      const lic = m.get('Bundle-License');
      // Maven purls need a group: without Implementation-Vendor-Id, the artifact name stands in (as for many old jars).
      packages.push(langPackage('maven', 'Maven', `${group ?? artifact}:${artifact}`, version, lic ? [lic] : []));
    }
  }
  if (depth < MAX_DEPTH) {
    for (const e of entries) {
      if (!ARCHIVE.test(e.name) || e.name.endsWith('/')) continue;
      try {
        const nested = read(e, MAX_NESTED);
        const r = javaArchivePackages(nested, e.name, depth + 1, budget);
        packages.push(...r.packages);
        problems.push(...r.problems.map((p) => `${e.name}: ${p}`));
      } catch (err) {
        problems.push(`${e.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  return { packages, problems };
}

export const javaArchiveCataloger: Cataloger = {
  id: 'java-archive',
  wants: (p) => ARCHIVE.test(p),
  parse(bytes, p) {
    return javaArchivePackages(bytes, p);
  },
};
