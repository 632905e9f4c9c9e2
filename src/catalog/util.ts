import type { PackageURL as PackageURLClass } from 'packageurl-js';
import { lazy } from '../util/lazy.js';

const packageurl = lazy<{ PackageURL: typeof PackageURLClass }>('packageurl-js');
import type { LangPackage } from './types.js';

const decoder = new TextDecoder('utf-8', { fatal: false });

export function text(bytes: Uint8Array): string {
  const s = decoder.decode(bytes);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

export function json(bytes: Uint8Array): unknown {
  return JSON.parse(text(bytes));
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

export function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? p : p.slice(i + 1);
}

export function purl(type: string, namespace: string | undefined, name: string, version: string | undefined, qualifiers?: Record<string, string | undefined>, subpath?: string): string {
  const q: Record<string, string> = {};
  let any = false;
  for (const [k, v] of Object.entries(qualifiers ?? {})) {
    if (v !== undefined && v !== '') {
      q[k] = v;
      any = true;
    }
  }
  return new (packageurl().PackageURL)(type, namespace || undefined, name, version || undefined, any ? q : undefined, subpath).toString();
}

/** Builds a language package, its purl from the type's conventions. */
export function langPackage(type: string, ecosystem: string, name: string, version: string, licenses?: string[]): LangPackage {
  const p: LangPackage = { name, version, ecosystem, type, purl: langPurl(type, name, version) };
  if (licenses && licenses.length > 0) p.licenses = licenses;
  return p;
}

function langPurl(type: string, name: string, version: string): string {
  switch (type) {
    case 'npm': {
      if (name.startsWith('@') && name.includes('/')) {
        const i = name.indexOf('/');
        return purl('npm', name.slice(0, i), name.slice(i + 1), version);
      }
      return purl('npm', undefined, name, version);
    }
    case 'golang':
    case 'composer':
    case 'gem':
    case 'cargo':
    case 'nuget':
    case 'pypi': {
      const i = name.lastIndexOf('/');
      if (i > 0 && (type === 'golang' || type === 'composer')) return purl(type, name.slice(0, i), name.slice(i + 1), version);
      return purl(type, undefined, type === 'pypi' ? normalisePypiName(name) : name, version);
    }
    case 'maven': {
      const i = name.indexOf(':');
      return i > 0 ? purl('maven', name.slice(0, i), name.slice(i + 1), version) : purl('maven', undefined, name, version);
    }
    default:
      return purl(type, undefined, name, version);
  }
}

/** PEP 503 name normalisation. */
export function normalisePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Splits a licence field into licences: arrays, objects with `type`, or a string. */
export function licenseList(v: unknown): string[] {
  if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
  if (Array.isArray(v)) return v.flatMap((x) => licenseList(x));
  if (isObject(v)) return licenseList(v.type ?? v.name);
  return [];
}
