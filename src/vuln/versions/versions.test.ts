import { describe, expect, it } from 'vitest';
import {
  compareApk,
  compareComposer,
  compareDpkg,
  compareGem,
  compareGo,
  compareMaven,
  compareNuGet,
  comparePep440,
  comparePlainRelease,
  compareRpm,
  compareSemver,
  SCHEMES,
  schemeFor,
  type VersionScheme,
} from './index.js';
import { rpmvercmp } from './rpm.js';

/** Every earlier entry must sort strictly below every later one; `=` groups compare equal. */
function ascending(scheme: VersionScheme, list: (string | string[])[]): void {
  const groups = list.map((x) => (Array.isArray(x) ? x : [x]));
  for (let i = 0; i < groups.length; i++) {
    for (const a of groups[i]!) {
      for (const b of groups[i]!) expect([a, b, Math.sign(scheme.compare(a, b))]).toEqual([a, b, 0]);
      for (let j = i + 1; j < groups.length; j++) {
        for (const b of groups[j]!) {
          expect([a, '<', b, Math.sign(scheme.compare(a, b))]).toEqual([a, '<', b, -1]);
          expect([b, '>', a, Math.sign(scheme.compare(b, a))]).toEqual([b, '>', a, 1]);
        }
      }
    }
  }
}

describe('dpkg (deb-version(7))', () => {
  it('orders tilde before everything, letters before other characters', () => {
    ascending(SCHEMES.dpkg, ['1~~', '1~~a', '1~', '1', '1a', '1+', '1.0']);
  });
  it('orders epochs, upstream and revision', () => {
    ascending(SCHEMES.dpkg, [
      '0.9-1',
      ['1.0', '0:1.0', '1.0-', '1.0-0'],
      '1.0-1',
      '1.0-1ubuntu1',
      '1.0-1ubuntu1.1',
      '1.0-1+b1',
      '1.0-2',
      '1.0.0~beta1',
      '1.0.0',
      '1.0.0+dfsg-1',
      '1.2.3',
      '1.2.10',
      '2.4-1',
      '2.30-1',
      '1:0.1',
      '2:0.0.1',
    ]);
  });
  it('treats leading zeros numerically', () => {
    expect(SCHEMES.dpkg.compare('1.001', '1.1')).toBe(0);
    expect(SCHEMES.dpkg.compare('7.4.052-1ubuntu3', '7.4.052-1ubuntu3.1')).toBeLessThan(0);
  });
  it('rejects invalid versions', () => {
    expect(SCHEMES.dpkg.valid('a:1.0')).toBe(false);
    expect(SCHEMES.dpkg.valid('1.0 beta')).toBe(false);
    expect(SCHEMES.dpkg.valid('1:2.3-4')).toBe(true);
  });
});

describe('rpm (rpmvercmp.at)', () => {
  const table: [string, string, number][] = [
    ['1.0', '1.0', 0], ['1.0', '2.0', -1], ['2.0', '1.0', 1], ['2.0.1', '2.0.1', 0], ['2.0', '2.0.1', -1],
    ['2.0.1a', '2.0.1a', 0], ['2.0.1a', '2.0.1', 1], ['2.0.1', '2.0.1a', -1], ['5.5p1', '5.5p1', 0],
    ['5.5p1', '5.5p2', -1], ['5.5p10', '5.5p1', 1], ['10xyz', '10.1xyz', -1], ['xyz10', 'xyz10.1', -1],
    ['xyz.4', 'xyz.4', 0], ['xyz.4', '8', -1], ['8', 'xyz.4', 1], ['xyz.4', '2', -1], ['5.5p2', '5.6p1', -1],
    ['5.6p1', '6.5p1', -1], ['6.0.rc1', '6.0', 1], ['6.0', '6.0.rc1', -1], ['10b2', '10a1', 1], ['10a2', '10b2', -1],
    ['1.0aa', '1.0aa', 0], ['1.0a', '1.0aa', -1], ['1.0aa', '1.0a', 1], ['10.0001', '10.0001', 0],
    ['10.0001', '10.1', 0], ['10.1', '10.0001', 0], ['10.0001', '10.0039', -1], ['4.999.9', '5.0', -1],
    ['20101121', '20101122', -1], ['2_0', '2_0', 0], ['2.0', '2_0', 0], ['a', 'a', 0], ['a+', 'a+', 0],
    ['a+', 'a_', 0], ['+a', '+a', 0], ['+a', '_a', 0], ['+_', '_+', 0], ['+', '_', 0],
    ['1.0~rc1', '1.0~rc1', 0], ['1.0~rc1', '1.0', -1], ['1.0', '1.0~rc1', 1], ['1.0~rc1', '1.0~rc2', -1],
    ['1.0~rc1~git123', '1.0~rc1', -1], ['1.0^', '1.0^', 0], ['1.0^', '1.0', 1], ['1.0', '1.0^', -1],
    ['1.0^git1', '1.0^git1', 0], ['1.0^git1', '1.0', 1], ['1.0^git1', '1.0^git2', -1], ['1.0^git1', '1.01', -1],
    ['1.0^20160101', '1.0.1', -1], ['1.0^20160101^git1', '1.0^20160101', 1], ['1.0~rc1^git1', '1.0~rc1', 1],
    ['1.0^git1~pre', '1.0^git1', -1], ['1.0^git1', '1.0^git1~pre', 1],
  ];
  it.each(table)('rpmvercmp(%s, %s) = %i', (a, b, want) => {
    expect(Math.sign(rpmvercmp(a, b))).toBe(want);
  });
  it('compares epoch, version and release', () => {
    ascending(SCHEMES.rpm, ['1.0-1.el9', '1.0-2.el9', '1.0.1-1.el9', '1:0.5-1']);
  });
});

describe('apk (apk-tools version rules)', () => {
  it('orders suffixes, letters, revisions and leading zeros', () => {
    ascending(SCHEMES.apk, [
      '0.9.99',
      '1.0_alpha',
      '1.0_alpha1',
      '1.0_alpha2',
      '1.0_beta',
      '1.0_pre',
      '1.0_rc1',
      '1.0',
      '1.0-r0',
      '1.0-r1',
      '1.0-r2',
      '1.0_cvs',
      '1.0_svn',
      '1.0_git',
      '1.0_hg',
      '1.0_p1',
      '1.0a',
      '1.0b',
      '1.001',
      '1.01',
      '1.1',
      '1.2.3',
      '1.2.10',
    ]);
    expect(SCHEMES.apk.compare('3.0.2-r0', '3.0.10-r0')).toBeLessThan(0);
    expect(SCHEMES.apk.compare('2.5.1_p1', '2.5.1')).toBeGreaterThan(0);
  });
  it('validates', () => {
    expect(SCHEMES.apk.valid('1.2.3_rc1-r4')).toBe(true);
    expect(SCHEMES.apk.valid('1.2.3_foo')).toBe(false);
  });
});

describe('semver (semver.org §11)', () => {
  it('orders prereleases and ignores build metadata', () => {
    ascending(SCHEMES.semver, [
      '0.9.9',
      '1.0.0-0',
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      ['1.0.0', '1.0.0+build.1', '1.0.0+other', 'v1.0.0'],
      '2.0.0',
      '2.1.0',
      '2.1.1',
      '10.0.0',
      '18446744073709551616.0.0',
    ]);
  });
});

describe('Go modules and toolchain', () => {
  it('orders pseudo-versions as prereleases and ignores +incompatible', () => {
    ascending(SCHEMES.go, [
      'v0.0.0-20191109021931-daa7c04131f5',
      'v0.0.0-20200101000000-aaaaaaaaaaaa',
      'v0.0.1',
      'v1.2.3-pre',
      'v1.2.3',
      'v1.2.4-0.20191109021931-daa7c04131f5',
      'v1.2.4',
      ['v2.0.0+incompatible', 'v2.0.0'],
    ]);
  });
  it('reads toolchain versions', () => {
    ascending(SCHEMES.go, ['go1.20.14', 'go1.21rc2', ['go1.21.0', '1.21', 'go1.21'], '1.21.5', 'v1.22.0']);
  });
});

describe('PEP 440', () => {
  it('orders the specification example list', () => {
    ascending(SCHEMES.pep440, [
      '1.0.dev456',
      ['1.0a1', '1.0alpha1', '1.0-a.1', '1.0A1'],
      '1.0a2.dev456',
      '1.0a12.dev456',
      '1.0a12',
      '1.0b1.dev456',
      ['1.0b2', '1.0beta2'],
      '1.0b2.post345.dev456',
      '1.0b2.post345',
      '1.0rc1.dev456',
      ['1.0rc1', '1.0c1', '1.0pre1'],
      ['1.0', '1.0.0', '1', 'v1.0'],
      '1.0+abc.5',
      '1.0+abc.7',
      '1.0+5',
      '1.0.post456.dev34',
      ['1.0.post456', '1.0-456', '1.0post456', '1.0.r456'],
      '1.0.15',
      '1.1.dev1',
      '2.0',
      '1!0.1',
    ]);
  });
  it('rejects non-PEP 440 strings', () => {
    expect(SCHEMES.pep440.valid('1.0-foo')).toBe(false);
    expect(SCHEMES.pep440.valid('2!1.0.post1.dev2+local.7')).toBe(true);
  });
});

describe('Maven (ComparableVersion)', () => {
  it('orders qualifiers', () => {
    ascending(SCHEMES.maven, [
      '1-alpha2snapshot', '1-alpha2', '1-alpha-123', '1-beta-2', '1-beta123', '1-m2', '1-m11', '1-rc',
      '1-cr2', '1-rc123', '1-SNAPSHOT', '1', '1-sp', '1-sp2', '1-sp123', '1-abc', '1-def', '1-pom-1',
      '1-1-snapshot', '1-1', '1-2', '1-123',
    ]);
  });
  it('orders numbers', () => {
    ascending(SCHEMES.maven, [
      '2.0', '2-1', '2.0.a', '2.0.0.a', '2.0.2', '2.0.123', '2.1.0', '2.1-a', '2.1b', '2.1-c', '2.1-1', '2.1.0.1', '2.2',
      '2.123', '11.a2', '11.a11', '11.b2', '11.b11', '11.m2', '11.m11', '11', '11.a', '11b', '11c', '11m',
    ]);
  });
  it('treats equivalent spellings as equal', () => {
    ascending(SCHEMES.maven, [['1a1', '1alpha1', '1A1'], ['1', '1.0', '1.0.0', '1-0', '1.0-0', '1ga', '1final', '1GA', '1FinaL'], ['1x', '1X']]);
    expect(SCHEMES.maven.compare('1cr', '1rc')).toBe(0);
    expect(SCHEMES.maven.compare('1m3', '1MileStone3')).toBe(0);
  });
  it('orders the upstream comparison pairs', () => {
    const pairs = [
      ['1', '2'], ['1.5', '2'], ['1', '2.5'], ['1.0', '1.1'], ['1.1', '1.2'], ['1.0.0', '1.1'], ['1.0.1', '1.1'],
      ['1.1', '1.2.0'], ['1.0-alpha-1', '1.0'], ['1.0-alpha-1', '1.0-alpha-2'], ['1.0-alpha-1', '1.0-beta-1'],
      ['1.0-beta-1', '1.0-SNAPSHOT'], ['1.0-SNAPSHOT', '1.0'], ['1.0-alpha-1-SNAPSHOT', '1.0-alpha-1'], ['1.0', '1.0-1'],
      ['1.0-1', '1.0-2'], ['1.0.0', '1.0-1'], ['2.0-1', '2.0.1'], ['2.0.1-klm', '2.0.1-lmn'], ['2.0.1', '2.0.1-xyz'],
      ['2.0.1', '2.0.1-123'], ['2.0.1-xyz', '2.0.1-123'],
    ];
    for (const [a, b] of pairs) ascending(SCHEMES.maven, [a!, b!]);
  });
});

describe('RubyGems (Gem::Version)', () => {
  it('orders prereleases below releases and drops trailing zeros', () => {
    ascending(SCHEMES.rubygems, [
      '0.9',
      '1.0.a',
      '1.0.a9',
      '1.0.a10',
      '1.0.b',
      '1.0-1',
      ['1.0', '1', '1.0.0'],
      '1.8.2',
      '1.8.10',
    ]);
    expect(SCHEMES.rubygems.compare('5.a', '5.0.0.rc2')).toBe(-1);
    expect(SCHEMES.rubygems.compare('5.x', '5.0.0.rc2')).toBe(1);
  });
});

describe('NuGet', () => {
  it('orders four-part versions and case-insensitive prereleases', () => {
    ascending(SCHEMES.nuget, [
      '0.9',
      '1.0.0-alpha',
      ['1.0.0-beta', '1.0.0-BETA'],
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      ['1.0', '1.0.0', '1.0.0.0', '1.0.0+meta'],
      '1.0.0.1',
      '1.0.1',
    ]);
  });
});

describe('Composer', () => {
  it('orders stabilities and normalizes spellings', () => {
    ascending(SCHEMES.composer, [
      '1.0.0-dev',
      '1.0.0-alpha1',
      '1.0.0-alpha2',
      '1.0.0-beta2',
      ['1.0.0-RC1', '1.0.0-rc1'],
      ['1.0.0', 'v1.0.0', '1.0', '1.0.0.0'],
      '1.0.0-patch1',
      '1.0.1',
      '1.9',
      '1.10',
    ]);
  });
});

describe('schemeFor', () => {
  it('maps ecosystems and releases', () => {
    expect(schemeFor('Debian:12')?.id).toBe('dpkg');
    expect(schemeFor('Alpine:v3.20')?.id).toBe('apk');
    expect(schemeFor('Ubuntu:22.04:LTS')?.id).toBe('dpkg');
    expect(schemeFor('Red Hat:enterprise_linux:9::appstream')?.id).toBe('rpm');
    expect(schemeFor('crates.io')?.id).toBe('semver');
    expect(schemeFor('Unknown')).toBeUndefined();
  });
});

describe('plain release numbers compared without parsing', () => {
  it('orders equal-length dotted numbers part by part, numerically', () => {
    expect(comparePlainRelease('1.2.3', '1.2.3')).toBe(0);
    expect(comparePlainRelease('1.9.0', '1.10.0')).toBe(-1);
    expect(comparePlainRelease('2.0', '1.99')).toBe(1);
    expect(comparePlainRelease('10', '9')).toBe(1);
    expect(comparePlainRelease('0.0.1', '0.0.0')).toBe(1);
    expect(comparePlainRelease('123456789012345678901', '123456789012345678902')).toBe(-1);
  });

  it('leaves everything else to the ecosystem', () => {
    for (const [a, b] of [
      ['1.0', '1.0.0'], // dpkg: older; Maven, PEP 440: equal
      ['1.01', '1.1'],
      ['1.2.3-rc1', '1.2.3'],
      ['v1.2.3', '1.2.3'],
      ['1:1.0', '1.0'],
      ['1.2.', '1.2.0'],
      ['1..2', '1.0.2'],
      ['', '1'],
      ['1.2a', '1.2b'],
    ]) {
      expect(comparePlainRelease(a!, b!)).toBeUndefined();
    }
  });

  it('agrees with every ecosystem comparator wherever it answers', () => {
    let seed = 11;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const part = () => String(rnd(3) === 0 ? rnd(10) : rnd(3) === 0 ? rnd(100) : rnd(100000));
    // Each ecosystem's own comparison, without the shortcut the schemes put in front of it.
    const own: Record<string, (a: string, b: string) => number> = {
      dpkg: compareDpkg, apk: compareApk, rpm: compareRpm, semver: compareSemver, go: compareGo, pep440: comparePep440,
      maven: compareMaven, rubygems: compareGem, nuget: compareNuGet, composer: compareComposer,
    };
    expect(Object.keys(own).sort()).toEqual(Object.keys(SCHEMES).sort());
    for (const [id, compare] of Object.entries(own)) {
      for (let t = 0; t < 3000; t++) {
        const n = 1 + rnd(4);
        const a = Array.from({ length: n }, part).join('.');
        const b = rnd(5) === 0 ? a : Array.from({ length: n }, part).join('.');
        const fast = comparePlainRelease(a, b);
        if (fast === undefined) continue;
        expect([id, a, b, fast]).toEqual([id, a, b, Math.sign(compare(a, b))]);
      }
    }
  });
});
