import type { Cataloger, LangPackage } from '../types.js';
import { basename, isObject, json, langPackage, str, text } from '../util.js';
import { composerPackages } from '../lang/installed.js';
import { packageTables } from './toml-lite.js';

/** requirements.txt: only exact pins (`==`, `===`) name a version. */
export function parseRequirements(src: string): LangPackage[] {
  const out: LangPackage[] = [];
  const joined = src.replace(/\\\r?\n/g, ' ');
  for (const raw of joined.split('\n')) {
    const line = raw.replace(/(?:^|\s)#.*$/, '').trim();
    if (!line || line.startsWith('-')) continue;
    const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*===?\s*([A-Za-z0-9][A-Za-z0-9._+!-]*)/.exec(line.split(';')[0]!);
    if (m) out.push(langPackage('pypi', 'PyPI', m[1]!, m[2]!));
  }
  return out;
}

export function parsePipfileLock(doc: unknown): LangPackage[] {
  const out: LangPackage[] = [];
  if (!isObject(doc)) return out;
  for (const section of ['default', 'develop']) {
    const deps = doc[section];
    if (!isObject(deps)) continue;
    for (const [name, entry] of Object.entries(deps)) {
      const v = isObject(entry) ? str(entry.version) : undefined;
      if (v) out.push(langPackage('pypi', 'PyPI', name, v.replace(/^===?/, '')));
    }
  }
  return out;
}

/** go.mod `require` directives, with `replace` directives applied. */
export function parseGoMod(src: string): LangPackage[] {
  const requires = new Map<string, string>();
  const replaces = new Map<string, { path: string; version?: string }>();
  let block: string | undefined;
  for (const raw of src.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    if (block) {
      if (line === ')') {
        block = undefined;
        continue;
      }
      directive(block, line);
      continue;
    }
    const m = /^(require|replace)\s*\($/.exec(line);
    if (m) {
      block = m[1];
      continue;
    }
    const d = /^(require|replace)\s+(.+)$/.exec(line);
    if (d) directive(d[1]!, d[2]!);
  }
  function directive(kind: string, body: string) {
    const f = body.split(/\s+/).map((s) => s.replace(/^"|"$/g, ''));
    if (kind === 'require' && f[0] && f[1]) requires.set(f[0], f[1]);
    if (kind === 'replace') {
      const arrow = f.indexOf('=>');
      if (arrow < 1 || !f[arrow + 1]) return;
      const target = { path: f[arrow + 1]!, version: f[arrow + 2] };
      replaces.set(f[0]!, target);
    }
  }
  const out: LangPackage[] = [];
  for (const [path, version] of requires) {
    const r = replaces.get(path);
    // A replacement by a local directory has no version: the module is vendored source, not a package.
    if (r && !r.version) continue;
    out.push(r ? langPackage('golang', 'Go', r.path, r.version!) : langPackage('golang', 'Go', path, version));
  }
  return out;
}

/** Gemfile.lock: the `specs:` of GEM sections, four-space-indented `name (version)` lines. */
export function parseGemfileLock(src: string): LangPackage[] {
  const out: LangPackage[] = [];
  let inGem = false;
  for (const line of src.split('\n')) {
    if (/^\S/.test(line)) {
      inGem = line.trim() === 'GEM';
      continue;
    }
    if (!inGem) continue;
    const m = /^ {4}([^\s(]+) \(([^)]+)\)\s*$/.exec(line);
    if (m) out.push(langPackage('gem', 'RubyGems', m[1]!, m[2]!.replace(/-(?:x86|x64|arm|aarch64|universal|java|mswin|mingw|darwin|linux).*$/, '')));
  }
  return out;
}

export function parseNugetLock(doc: unknown): LangPackage[] {
  const out: LangPackage[] = [];
  if (!isObject(doc) || !isObject(doc.dependencies)) return out;
  for (const framework of Object.values(doc.dependencies)) {
    if (!isObject(framework)) continue;
    for (const [name, entry] of Object.entries(framework)) {
      if (!isObject(entry) || entry.type === 'Project') continue;
      const v = str(entry.resolved);
      if (v) out.push(langPackage('nuget', 'NuGet', name, v));
    }
  }
  return out;
}

/** Gradle dependency lock state: `group:artifact:version=configurations` lines. */
export function parseGradleLock(src: string): LangPackage[] {
  const out: LangPackage[] = [];
  for (const raw of src.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('empty=')) continue;
    const coord = line.split('=')[0]!;
    const [g, a, v] = coord.split(':');
    if (g && a && v) out.push(langPackage('maven', 'Maven', `${g}:${a}`, v));
  }
  return out;
}

export const requirementsCataloger: Cataloger = {
  id: 'python-requirements-lock',
  wants: (p) => /(?:^|\/)[^/]*requirements[^/]*\.txt$/.test(p),
  parse: (bytes) => ({ packages: parseRequirements(text(bytes)) }),
};

export const poetryLockCataloger: Cataloger = {
  id: 'poetry-lock',
  wants: (p) => basename(p) === 'poetry.lock',
  parse: (bytes) => ({
    packages: packageTables(text(bytes)).flatMap((t) => (t.name && t.version ? [langPackage('pypi', 'PyPI', t.name, t.version)] : [])),
  }),
};

export const pipfileLockCataloger: Cataloger = {
  id: 'pipenv-lock',
  wants: (p) => basename(p) === 'Pipfile.lock',
  parse: (bytes) => ({ packages: parsePipfileLock(json(bytes)) }),
};

export const goModCataloger: Cataloger = {
  id: 'go-mod-lock',
  wants: (p) => basename(p) === 'go.mod' && !/(?:^|\/)(?:vendor|pkg\/mod)\//.test(p),
  parse: (bytes) => ({ packages: parseGoMod(text(bytes)) }),
};

export const cargoLockCataloger: Cataloger = {
  id: 'cargo-lock',
  wants: (p) => basename(p) === 'Cargo.lock',
  parse: (bytes) => ({
    // Workspace members have no `source`: they are the project, not dependencies.
    packages: packageTables(text(bytes)).flatMap((t) => (t.name && t.version && t.source ? [langPackage('cargo', 'crates.io', t.name, t.version)] : [])),
  }),
};

export const gemfileLockCataloger: Cataloger = {
  id: 'gemfile-lock',
  wants: (p) => /(?:^|\/)(?:Gemfile|gems)\.locked?$/.test(p) || basename(p) === 'Gemfile.lock',
  parse: (bytes) => ({ packages: parseGemfileLock(text(bytes)) }),
};

export const composerLockCataloger: Cataloger = {
  id: 'composer-lock',
  wants: (p) => basename(p) === 'composer.lock',
  parse(bytes) {
    const doc = json(bytes);
    if (!isObject(doc)) return {};
    return { packages: [...composerPackages(doc.packages), ...composerPackages(doc['packages-dev'])] };
  },
};

export const nugetLockCataloger: Cataloger = {
  id: 'nuget-lock',
  wants: (p) => basename(p) === 'packages.lock.json',
  parse: (bytes) => ({ packages: parseNugetLock(json(bytes)) }),
};

export const gradleLockCataloger: Cataloger = {
  id: 'gradle-lock',
  wants: (p) => basename(p) === 'gradle.lockfile' || /(?:^|\/)gradle\/dependency-locks\/[^/]+\.lockfile$/.test(p),
  parse: (bytes) => ({ packages: parseGradleLock(text(bytes)) }),
};

