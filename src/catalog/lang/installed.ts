import type { Cataloger, LangPackage } from '../types.js';
import { isObject, json, langPackage, licenseList, str, text } from '../util.js';

// Installed-package metadata found inside images and unpacked trees.

const NODE_MODULE = /(?:^|\/)node_modules\/(?:@[^/]+\/)?[^/@][^/]*\/package\.json$/;

export const npmPackageCataloger: Cataloger = {
  id: 'npm-package',
  wants: (p) => NODE_MODULE.test(p),
  parse(bytes) {
    const doc = json(bytes);
    if (!isObject(doc)) return {};
    const name = str(doc.name);
    const version = str(doc.version);
    if (!name || !version) return {};
    return { packages: [langPackage('npm', 'npm', name, version, licenseList(doc.license ?? doc.licenses))] };
  },
};

const PY_METADATA = /(?:^|\/)[^/]+\.dist-info\/METADATA$|(?:^|\/)[^/]+\.egg-info\/PKG-INFO$|(?:^|\/)[^/]+\.egg-info$/;

/** Core metadata (PEP 241/566): RFC 822 headers up to the first blank line. */
export function parsePythonMetadata(src: string): LangPackage | undefined {
  const headers: [string, string][] = [];
  for (const line of src.split('\n')) {
    if (line.trim() === '') break;
    if ((line[0] === ' ' || line[0] === '\t') && headers.length > 0) {
      headers[headers.length - 1]![1] += `\n${line.trim()}`;
      continue;
    }
    const c = line.indexOf(':');
    if (c > 0) headers.push([line.slice(0, c).trim().toLowerCase(), line.slice(c + 1).trim()]);
  }
  const get = (k: string) => headers.find(([h]) => h === k)?.[1];
  const name = get('name');
  const version = get('version');
  if (!name || !version) return undefined;
  const licenses: string[] = [];
  const expr = get('license-expression');
  const lic = get('license');
  if (expr) licenses.push(expr);
  else if (lic && lic !== 'UNKNOWN' && !lic.includes('\n') && lic.length <= 100) licenses.push(lic);
  else {
    for (const [h, v] of headers) {
      if (h === 'classifier' && v.startsWith('License :: ')) licenses.push(v.split(' :: ').pop()!);
    }
  }
  return langPackage('pypi', 'PyPI', name, version, licenses);
}

export const pythonPackageCataloger: Cataloger = {
  id: 'python-package',
  wants: (p) => PY_METADATA.test(p),
  parse(bytes) {
    const p = parsePythonMetadata(text(bytes));
    return p ? { packages: [p] } : {};
  },
};

const GEMSPEC = /(?:^|\/)specifications\/[^/]+\.gemspec$/;

/** The gemspecs RubyGems writes on install: Ruby source with `s.name = "x".freeze` assignments. */
export function parseGemspec(src: string): LangPackage | undefined {
  const field = (k: string) => new RegExp(`^\\s*\\w+\\.${k}\\s*=\\s*["']([^"']+)["']`, 'm').exec(src)?.[1];
  const name = field('name');
  const version = field('version');
  if (!name || !version) return undefined;
  const licenses: string[] = [];
  const list = /^\s*\w+\.licenses\s*=\s*\[([^\]]*)\]/m.exec(src)?.[1];
  if (list) for (const m of list.matchAll(/["']([^"']+)["']/g)) licenses.push(m[1]!);
  const single = field('license');
  if (single && licenses.length === 0) licenses.push(single);
  return langPackage('gem', 'RubyGems', name, version, licenses);
}

export const gemspecCataloger: Cataloger = {
  id: 'ruby-gemspec',
  wants: (p) => GEMSPEC.test(p),
  parse(bytes) {
    const p = parseGemspec(text(bytes));
    return p ? { packages: [p] } : {};
  },
};

const COMPOSER_INSTALLED = /(?:^|\/)vendor\/composer\/installed\.json$/;

export function composerPackages(list: unknown): LangPackage[] {
  const out: LangPackage[] = [];
  if (!Array.isArray(list)) return out;
  for (const p of list) {
    if (!isObject(p)) continue;
    const name = str(p.name);
    const version = str(p.version);
    if (name && version) out.push(langPackage('composer', 'Packagist', name, version, licenseList(p.license)));
  }
  return out;
}

export const composerInstalledCataloger: Cataloger = {
  id: 'php-composer-installed',
  wants: (p) => COMPOSER_INSTALLED.test(p),
  parse(bytes) {
    const doc = json(bytes);
    // Composer 1 wrote a bare array; Composer 2 wraps it in `packages`.
    return { packages: composerPackages(Array.isArray(doc) ? doc : isObject(doc) ? doc.packages : undefined) };
  },
};

const DEPS_JSON = /\.deps\.json$/;

export const dotnetDepsCataloger: Cataloger = {
  id: 'dotnet-deps',
  wants: (p) => DEPS_JSON.test(p),
  parse(bytes) {
    const doc = json(bytes);
    const out: LangPackage[] = [];
    if (!isObject(doc) || !isObject(doc.libraries)) return {};
    for (const [key, lib] of Object.entries(doc.libraries)) {
      // "project" entries are the application itself and its project references.
      if (!isObject(lib) || lib.type !== 'package') continue;
      const slash = key.lastIndexOf('/');
      if (slash <= 0) continue;
      out.push(langPackage('nuget', 'NuGet', key.slice(0, slash), key.slice(slash + 1)));
    }
    return { packages: out };
  },
};
