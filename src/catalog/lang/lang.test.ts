import { describe, expect, it } from 'vitest';
import { createCatalog } from '../index.js';
import { cargoAuditableSection, elf64, goBuildInfoPointerSections, goBuildInfoSection, zip } from '../fixtures/builders.js';
import { parseCargoAuditable } from './cargo-auditable.js';
import { isExecutableCandidate, listSections } from './binary.js';
import { goBinaryPackages, parseGoBuildInfo } from './go-binary.js';
import { parseGemspec, parsePythonMetadata } from './installed.js';
import { javaArchivePackages } from './java.js';

const enc = (s: string) => new TextEncoder().encode(s);

function catalogOf(files: Record<string, string | Uint8Array>) {
  const c = createCatalog();
  for (const [path, data] of Object.entries(files)) {
    if (!c.wants(path)) throw new Error(`catalog does not want ${path}`);
    c.add({ path, bytes: typeof data === 'string' ? enc(data) : data });
  }
  return { packages: c.finish(), problems: c.problems() };
}

const MODINFO = [
  'path\texample.com/cmd/server',
  'mod\texample.com\t(devel)\t',
  'dep\tgithub.com/google/uuid\tv1.6.0\th1:NIvaJDMOsjHA8n1jAhLSgzrAzy1Hgr+hNrb57e+94F0=',
  'dep\tgolang.org/x/net\tv0.17.0\th1:abc=',
  '=>\tgolang.org/x/net\tv0.23.0\th1:def=',
  'build\t-compiler=gc',
  'build\tGOOS=linux',
  '',
].join('\n');

describe('Go binaries', () => {
  const bin = elf64([{ name: '.text', data: new Uint8Array(64) }, { name: '.go.buildinfo', data: goBuildInfoSection('go1.22.5', MODINFO) }]);

  it('finds the section in an ELF file and decodes build info', () => {
    expect(listSections(bin).map((s) => s.name)).toEqual(['.text', '.go.buildinfo', '.shstrtab']);
    const info = parseGoBuildInfo(bin)!;
    expect(info.goVersion).toBe('go1.22.5');
    expect(info.path).toBe('example.com/cmd/server');
    expect(info.main).toEqual({ path: 'example.com', version: '(devel)' });
    expect(info.settings.get('GOOS')).toBe('linux');
    expect(goBinaryPackages(info).map((p) => p.purl)).toEqual([
      'pkg:golang/github.com/google/uuid@v1.6.0',
      'pkg:golang/golang.org/x/net@v0.23.0',
      'pkg:golang/stdlib@1.22.5',
    ]);
  });

  it('decodes the Go 1.13–1.17 pointer layout through section addresses', () => {
    const old = elf64(goBuildInfoPointerSections('go1.16.15', MODINFO, 0x4f0000, 0x500000));
    const info = parseGoBuildInfo(old)!;
    expect(info.goVersion).toBe('go1.16.15');
    expect(goBinaryPackages(info).map((p) => p.purl)).toContain('pkg:golang/stdlib@1.16.15');
    expect(goBinaryPackages(info).map((p) => p.purl)).toContain('pkg:golang/github.com/google/uuid@v1.6.0');
  });

  it('is reached through the catalog for executables in bin directories', () => {
    const { packages } = catalogOf({ '/usr/local/bin/server': bin });
    expect(packages.find((p) => p.name === 'stdlib')).toMatchObject({ version: '1.22.5', ecosystem: 'Go', type: 'golang', foundBy: 'go-binary' });
    expect(isExecutableCandidate('usr/share/doc/README')).toBe(false);
    expect(isExecutableCandidate('usr/lib/libc.so.6')).toBe(false);
    expect(isExecutableCandidate('manager')).toBe(true);
  });

  it('finds build info by its magic when there is no named section, and ignores non-Go ELF files', () => {
    const pe = new Uint8Array(4096);
    pe.set([0x4d, 0x5a]);
    pe.set(goBuildInfoSection('go1.21.0', MODINFO), 1024);
    expect(parseGoBuildInfo(pe)!.goVersion).toBe('go1.21.0');
    expect(parseGoBuildInfo(elf64([{ name: '.text', data: new Uint8Array(32) }]))).toBeUndefined();
    expect(parseGoBuildInfo(enc('#!/bin/sh\necho hi\n'.repeat(10)))).toBeUndefined();
  });
});

describe('cargo-auditable', () => {
  it('reads the zlib JSON of the .dep-v0 section, leaving out the root crate', () => {
    const doc = {
      packages: [
        { name: 'myapp', version: '0.1.0', source: 'local', kind: 'runtime', dependencies: [1], root: true },
        { name: 'serde', version: '1.0.197', source: 'crates.io', kind: 'runtime' },
      ],
    };
    const bin = elf64([{ name: '.dep-v0', data: cargoAuditableSection(doc) }]);
    expect(parseCargoAuditable(bin)!.map((p) => p.purl)).toEqual(['pkg:cargo/serde@1.0.197']);
    expect(catalogOf({ 'usr/bin/myapp': bin }).packages.map((p) => [p.name, p.ecosystem, p.foundBy])).toEqual([['serde', 'crates.io', 'cargo-auditable']]);
  });
});

describe('Java archives', () => {
  const inner = zip([
    { name: 'META-INF/MANIFEST.MF', data: 'Manifest-Version: 1.0\r\nImplementation-Title: guava\r\n' },
    { name: 'META-INF/maven/com.google.guava/guava/pom.properties', data: '#Created by Maven\ngroupId=com.google.guava\nartifactId=guava\nversion=32.1.3-jre\n' },
  ]);
  const manifestOnly = zip([{ name: 'META-INF/MANIFEST.MF', data: 'Manifest-Version: 1.0\nBundle-SymbolicName: org.example.util;singleton:=true\nBundle-Version: 2.4.0\nBundle-License: Apache-2.0\n' }]);
  const war = zip([
    { name: 'WEB-INF/web.xml', data: '<web-app/>' },
    { name: 'WEB-INF/lib/guava-32.1.3-jre.jar', data: inner, store: true },
    { name: 'WEB-INF/lib/util.jar', data: manifestOnly },
  ]);

  it('reads pom.properties, MANIFEST.MF and nested jars', () => {
    const { packages, problems } = javaArchivePackages(war, 'app.war');
    expect(problems).toEqual([]);
    expect(packages.map((p) => [p.name, p.version, p.purl, p.licenses])).toEqual([
      ['com.google.guava:guava', '32.1.3-jre', 'pkg:maven/com.google.guava/guava@32.1.3-jre', undefined],
      ['org.example.util:org.example.util', '2.4.0', 'pkg:maven/org.example.util/org.example.util@2.4.0', ['Apache-2.0']],
    ]);
  });

  it('reports a corrupt archive as a problem and goes on', () => {
    const { packages, problems } = catalogOf({ 'opt/app/broken.jar': enc('PK not really'), 'opt/app/lib/ok.jar': inner });
    expect(packages.map((p) => p.name)).toEqual(['com.google.guava:guava']);
    expect(problems[0]!.message).toMatch(/not a zip archive/);
  });
});

describe('installed language metadata', () => {
  it('reads node_modules package.json files', () => {
    const { packages } = catalogOf({
      'app/node_modules/lodash/package.json': JSON.stringify({ name: 'lodash', version: '4.17.21', license: 'MIT' }),
      'app/node_modules/@babel/core/package.json': JSON.stringify({ name: '@babel/core', version: '7.24.0', licenses: [{ type: 'MIT' }] }),
    });
    expect(packages.map((p) => [p.purl, p.licenses])).toEqual([
      ['pkg:npm/%40babel/core@7.24.0', ['MIT']],
      ['pkg:npm/lodash@4.17.21', ['MIT']],
    ]);
    expect(createCatalog().wants('app/package.json')).toBe(false);
  });

  it('reads Python METADATA and PKG-INFO', () => {
    const meta = 'Metadata-Version: 2.1\nName: Jinja2\nVersion: 3.1.3\nLicense: BSD-3-Clause\nClassifier: License :: OSI Approved :: BSD License\n\nLong description: not a header\n';
    expect(parsePythonMetadata(meta)).toMatchObject({ name: 'Jinja2', version: '3.1.3', purl: 'pkg:pypi/jinja2@3.1.3', licenses: ['BSD-3-Clause'] });
    const { packages } = catalogOf({
      'usr/lib/python3/dist-packages/six-1.16.0.egg-info/PKG-INFO': 'Metadata-Version: 1.2\nName: six\nVersion: 1.16.0\nLicense: UNKNOWN\nClassifier: License :: OSI Approved :: MIT License\n',
      'usr/local/lib/python3.12/site-packages/requests-2.31.0.dist-info/METADATA': 'Metadata-Version: 2.1\nName: requests\nVersion: 2.31.0\nLicense: Apache 2.0\n',
    });
    expect(packages.map((p) => [p.name, p.licenses, p.ecosystem])).toEqual([
      ['requests', ['Apache 2.0'], 'PyPI'],
      ['six', ['MIT License'], 'PyPI'],
    ]);
  });

  it('reads RubyGems specifications', () => {
    const spec = `# -*- encoding: utf-8 -*-
# stub: rake 13.1.0 ruby lib

Gem::Specification.new do |s|
  s.name = "rake".freeze
  s.version = "13.1.0".freeze
  s.licenses = ["MIT".freeze]
end
`;
    expect(parseGemspec(spec)).toMatchObject({ name: 'rake', version: '13.1.0', purl: 'pkg:gem/rake@13.1.0', licenses: ['MIT'] });
    expect(catalogOf({ 'usr/local/bundle/specifications/rake-13.1.0.gemspec': spec }).packages).toHaveLength(1);
  });

  it('reads composer installed.json (Composer 1 and 2) and .NET deps.json', () => {
    const v2 = JSON.stringify({ packages: [{ name: 'monolog/monolog', version: '3.5.0', license: ['MIT'] }], dev: true });
    const deps = JSON.stringify({
      libraries: {
        'MyApp/1.0.0': { type: 'project' },
        'Newtonsoft.Json/13.0.3': { type: 'package', sha512: 'sha512-x' },
      },
    });
    const { packages } = catalogOf({ 'var/www/vendor/composer/installed.json': v2, 'app/MyApp.deps.json': deps });
    expect(packages.map((p) => [p.purl, p.ecosystem])).toEqual([
      ['pkg:composer/monolog/monolog@3.5.0', 'Packagist'],
      ['pkg:nuget/Newtonsoft.Json@13.0.3', 'NuGet'],
    ]);
    expect(catalogOf({ 'vendor/composer/installed.json': JSON.stringify([{ name: 'a/b', version: '1.0.0' }]) }).packages[0]!.purl).toBe('pkg:composer/a/b@1.0.0');
  });
});
