import { compareApk, isValidApk } from './apk.js';
import { memo } from './memo.js';
import { compareComposer } from './composer.js';
import { compareDpkg, parseCached as parseDpkg } from './dpkg.js';
import { compareMaven } from './maven.js';
import { compareNuGet, parseCached as parseNuGet } from './nuget.js';
import { comparePep440, parseCached as parsePep440 } from './pep440.js';
import { compareGem, isValidGemCached as isValidGem } from './rubygems.js';
import { comparePlainRelease } from './plain.js';
import { compareRpm } from './rpm.js';
import { cachedParse as parseSemver, compareGo, compareSemver, normalizeGo } from './semver.js';

export { comparePlainRelease };
export { compareApk, compareComposer, compareDpkg, compareMaven, compareNuGet, comparePep440, compareGem, compareRpm, compareSemver, compareGo, normalizeGo };

/** A total order over one ecosystem's version strings. `valid` says whether a string parses. */
export interface VersionScheme {
  id: string;
  compare(a: string, b: string): number;
  valid(v: string): boolean;
}

/**
 * A scheme. Plain release numbers of equal length (`1.2.3` against `1.10.0`), most of what
 * advisories and lockfiles hold, are ordered the same way by every ecosystem and compared without
 * parsing; the ecosystem's own comparison takes everything else.
 */
const scheme = (id: string, compare: (a: string, b: string) => number, valid: (v: string) => boolean): VersionScheme => ({
  id,
  compare: (a, b) => comparePlainRelease(a, b) ?? compare(a, b),
  valid,
});

export const SCHEMES = {
  dpkg: scheme('dpkg', compareDpkg, (v) => parseDpkg(v) !== undefined),
  apk: scheme('apk', compareApk, memo(isValidApk)),
  rpm: scheme('rpm', compareRpm, (v) => /^[0-9A-Za-z._+~^:-]+$/.test(v)),
  semver: scheme('semver', compareSemver, (v) => parseSemver(v) !== undefined),
  go: scheme('go', compareGo, (v) => parseSemver(normalizeGo(v)) !== undefined),
  pep440: scheme('pep440', comparePep440, (v) => parsePep440(v) !== undefined),
  maven: scheme('maven', compareMaven, (v) => v.trim() !== ''),
  rubygems: scheme('rubygems', compareGem, isValidGem),
  nuget: scheme('nuget', compareNuGet, (v) => parseNuGet(v) !== undefined),
  composer: scheme('composer', compareComposer, (v) => /^v?\d/i.test(v.trim())),
} satisfies Record<string, VersionScheme>;

/** The base of an OSV ecosystem name: "Debian:12" -> "Debian", "Alpine:v3.20" -> "Alpine". */
export function baseEcosystem(ecosystem: string): string {
  const i = ecosystem.indexOf(':');
  return i < 0 ? ecosystem : ecosystem.slice(0, i);
}

const BY_ECOSYSTEM: Record<string, VersionScheme> = {
  npm: SCHEMES.semver,
  'crates.io': SCHEMES.semver,
  Hex: SCHEMES.semver,
  Pub: SCHEMES.semver,
  SwiftURL: SCHEMES.semver,
  Go: SCHEMES.go,
  PyPI: SCHEMES.pep440,
  Maven: SCHEMES.maven,
  RubyGems: SCHEMES.rubygems,
  NuGet: SCHEMES.nuget,
  Packagist: SCHEMES.composer,
  Debian: SCHEMES.dpkg,
  Ubuntu: SCHEMES.dpkg,
  Alpine: SCHEMES.apk,
  Wolfi: SCHEMES.apk,
  Chainguard: SCHEMES.apk,
  'Red Hat': SCHEMES.rpm,
  'Rocky Linux': SCHEMES.rpm,
  AlmaLinux: SCHEMES.rpm,
  SUSE: SCHEMES.rpm,
  openSUSE: SCHEMES.rpm,
  'Mageia': SCHEMES.rpm,
  'Photon OS': SCHEMES.rpm,
  'Azure Linux': SCHEMES.rpm,
};

/** The version scheme of an OSV ecosystem, or undefined when drydock cannot order its versions. */
export function schemeFor(ecosystem: string): VersionScheme | undefined {
  return BY_ECOSYSTEM[baseEcosystem(ecosystem)];
}
