import type jsYaml from 'js-yaml';
import { lazy } from '../../util/lazy.js';
import type { Cataloger, LangPackage } from '../types.js';
import { basename, isObject, json, langPackage, licenseList, str, text } from '../util.js';

/** Loaded on the first yarn or pnpm lockfile: an image's SBOM never needs it. */
const yaml = lazy<typeof jsYaml>('js-yaml');

const MAX_DEPTH = 64;

/** package-lock.json v1 (nested `dependencies`) and v2/v3 (flat `packages` keyed by install path). */
export function parsePackageLock(doc: unknown): LangPackage[] {
  if (!isObject(doc)) throw new Error('package-lock.json is not an object');
  const out: LangPackage[] = [];
  if (isObject(doc.packages)) {
    for (const [key, entry] of Object.entries(doc.packages)) {
      if (key === '' || !isObject(entry) || entry.link === true) continue;
      const i = key.lastIndexOf('node_modules/');
      // Workspace members appear under their folder, not node_modules: they are the project itself.
      if (i < 0) continue;
      const name = str(entry.name) ?? key.slice(i + 'node_modules/'.length);
      const version = str(entry.version);
      if (version) out.push(langPackage('npm', 'npm', name, version, licenseList(entry.license)));
    }
    return out;
  }
  const walk = (deps: unknown, depth: number) => {
    if (!isObject(deps) || depth > MAX_DEPTH) return;
    for (const [name, entry] of Object.entries(deps)) {
      if (!isObject(entry)) continue;
      const version = str(entry.version);
      if (version && !/^(?:file|link):/.test(version)) out.push(langPackage('npm', 'npm', name, version));
      walk(entry.dependencies, depth + 1);
    }
  };
  walk(doc.dependencies, 0);
  return out;
}

/** `@scope/name@^1.0.0` or `name@npm:^1` → the package name. */
function nameFromSpec(spec: string): string {
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  return at < 0 ? spec : spec.slice(0, at);
}

/** yarn.lock v1 (its own syntax) and Berry (YAML with `__metadata`). */
export function parseYarnLock(src: string): LangPackage[] {
  const out: LangPackage[] = [];
  if (/^__metadata:/m.test(src)) {
    const doc = yaml().load(src, { json: true });
    if (!isObject(doc)) return out;
    for (const [key, entry] of Object.entries(doc)) {
      if (key === '__metadata' || !isObject(entry)) continue;
      const resolution = str(entry.resolution) ?? key.split(',')[0]!.trim();
      const version = str(entry.version) ?? (typeof entry.version === 'number' ? String(entry.version) : undefined);
      if (!version || /@(?:workspace|link|portal|file):/.test(resolution) || version === '0.0.0-use.local') continue;
      out.push(langPackage('npm', 'npm', nameFromSpec(resolution), version));
    }
    return out;
  }
  let name: string | undefined;
  for (const line of src.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    if (!line.startsWith(' ')) {
      const first = line.replace(/:\s*$/, '').split(',')[0]!.trim().replace(/^"|"$/g, '');
      name = nameFromSpec(first);
      continue;
    }
    const m = /^\s+version:?\s+"?([^"\s]+)"?/.exec(line);
    if (m && name) {
      out.push(langPackage('npm', 'npm', name, m[1]!));
      name = undefined;
    }
  }
  return out;
}

/** pnpm-lock.yaml: keys `/name/1.0.0` (v5), `/name@1.0.0` (v6), `name@1.0.0` (v9), peer suffixes stripped. */
export function parsePnpmLock(src: string): LangPackage[] {
  const doc = yaml().load(src, { json: true });
  const out: LangPackage[] = [];
  if (!isObject(doc) || !isObject(doc.packages)) return out;
  // Before lockfile v6, keys were `/name/version_peers`; from v6 on, `name@version(peers)`.
  const slashKeys = Number.parseFloat(String(doc.lockfileVersion ?? '9')) < 6;
  for (const [rawKey, entry] of Object.entries(doc.packages)) {
    let key = rawKey.replace(/^\//, '').replace(/\(.*$/, '');
    let name: string | undefined;
    let version: string | undefined;
    const at = key.lastIndexOf('@');
    if (!slashKeys && at > 0) {
      name = key.slice(0, at);
      version = key.slice(at + 1);
    } else {
      key = key.replace(/_.*$/, '');
      const slash = key.lastIndexOf('/');
      if (slash > 0) {
        name = key.slice(0, slash);
        version = key.slice(slash + 1);
      }
    }
    if (isObject(entry)) {
      name = str(entry.name) ?? name;
      version = str(entry.version) ?? version;
    }
    if (!name || !version || /^(?:file|link|workspace):/.test(version) || version.includes('/')) continue;
    out.push(langPackage('npm', 'npm', name, version));
  }
  return out;
}

export const npmLockCataloger: Cataloger = {
  id: 'npm-lock',
  wants: (p) => /(?:^|\/)(?:package-lock|npm-shrinkwrap)\.json$/.test(p) && !p.includes('node_modules/'),
  parse: (bytes) => ({ packages: parsePackageLock(json(bytes)) }),
};

export const yarnLockCataloger: Cataloger = {
  id: 'yarn-lock',
  wants: (p) => basename(p) === 'yarn.lock' && !p.includes('node_modules/'),
  parse: (bytes) => ({ packages: parseYarnLock(text(bytes)) }),
};

export const pnpmLockCataloger: Cataloger = {
  id: 'pnpm-lock',
  wants: (p) => basename(p) === 'pnpm-lock.yaml' && !p.includes('node_modules/'),
  parse: (bytes) => ({ packages: parsePnpmLock(text(bytes)) }),
};
