import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../index.js';
import { berkeleyHashDb, ndbDatabase, rpmHeaderBlob } from '../fixtures/builders.js';
import { parseApkInstalled } from './apk.js';
import { parseDebianCopyright, parseDpkgStatus } from './dpkg.js';
import { parseOsRelease, osvEcosystem } from './os-release.js';
import { RPMTAG, parseRpmHeader, splitSourceRpm } from './rpm-header.js';

const enc = (s: string) => new TextEncoder().encode(s);

const DEBIAN_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
`;

const DPKG_STATUS = `Package: libc6
Status: install ok installed
Priority: optional
Section: libs
Installed-Size: 12986
Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>
Architecture: amd64
Multi-Arch: same
Source: glibc
Version: 2.36-9+deb12u4
Depends: libgcc-s1
Description: GNU C Library: Shared libraries
 Contains the standard libraries that are used by nearly all programs on
 the system.

Package: libgcrypt20
Status: install ok installed
Architecture: amd64
Source: libgcrypt20 (1.10.1-3)
Version: 1.10.1-3+b1
Description: LGPL Crypto library - runtime library

Package: bsdutils
Status: install ok installed
Architecture: amd64
Source: util-linux (2.38.1-5)
Version: 1:2.38.1-5+deb12u1
Description: basic utilities from 4.4BSD-Lite

Package: oldpkg
Status: deinstall ok config-files
Architecture: amd64
Version: 1.0-1
Description: removed, config files remain
`;

describe('os-release', () => {
  it('parses quoted fields and maps releases to OSV ecosystems', () => {
    const os = parseOsRelease(enc(DEBIAN_OS_RELEASE));
    expect(os).toMatchObject({ id: 'debian', versionId: '12', codename: 'bookworm' });
    expect(osvEcosystem(os, 'deb')).toBe('Debian:12');
    expect(osvEcosystem(parseOsRelease(enc('ID=alpine\nVERSION_ID=3.20.3\n')), 'apk')).toBe('Alpine:v3.20');
    expect(osvEcosystem(parseOsRelease(enc('ID=ubuntu\nVERSION_ID="22.04"\n')), 'deb')).toBe('Ubuntu:22.04');
    expect(osvEcosystem(parseOsRelease(enc('ID="rocky"\nVERSION_ID="9.3"\n')), 'rpm')).toBe('Rocky Linux:9');
  });
});

describe('dpkg', () => {
  it('reads installed stanzas, source packages with versions, and skips removed ones', () => {
    const recs = parseDpkgStatus(DPKG_STATUS);
    expect(recs.map((r) => [r.name, r.version, r.sourceName, r.sourceVersion, r.arch])).toEqual([
      ['libc6', '2.36-9+deb12u4', 'glibc', '2.36-9+deb12u4', 'amd64'],
      ['libgcrypt20', '1.10.1-3+b1', 'libgcrypt20', '1.10.1-3', 'amd64'],
      ['bsdutils', '1:2.38.1-5+deb12u1', 'util-linux', '2.38.1-5', 'amd64'],
    ]);
  });

  it('reads licences from DEP-5 copyright files', () => {
    const copyright = `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: zlib

Files: *
Copyright: 1995-2013 Jean-loup Gailly and Mark Adler
License: Zlib

Files: debian/*
License: GPL-2+ or Artistic
`;
    expect(parseDebianCopyright(copyright)).toEqual(['Artistic-1.0', 'GPL-2.0-or-later', 'Zlib']);
    expect(parseDebianCopyright('License: LGPL-2.1\nLicense: GPL-3\nLicense: Expat\nLicense: public-domain\n')).toEqual(['GPL-3.0-only', 'LGPL-2.1-only', 'MIT', 'public-domain']);
  });

  it('gives packages the distribution from os-release, purls with distro, and the layer', () => {
    const c = createCatalog();
    expect(c.wants('/var/lib/dpkg/status')).toBe(true);
    expect(c.wants('var/lib/dpkg/status.d/base')).toBe(true);
    expect(c.wants('var/lib/dpkg/status.d/base.md5sums')).toBe(false);
    expect(c.wants('/etc/os-release')).toBe(true);
    expect(c.wants('/etc/passwd')).toBe(false);
    c.add({ path: '/var/lib/dpkg/status', bytes: enc(DPKG_STATUS), origin: { layer: 'sha256:aaa' } });
    c.add({ path: '/etc/os-release', bytes: enc(DEBIAN_OS_RELEASE), origin: { layer: 'sha256:aaa' } });
    c.add({ path: '/usr/share/doc/libc6/copyright', bytes: enc('License: LGPL-2.1+\n'), origin: { layer: 'sha256:aaa' } });
    const pkgs = c.finish();
    const libc = pkgs.find((p) => p.name === 'libc6')!;
    expect(libc).toEqual({
      name: 'libc6',
      version: '2.36-9+deb12u4',
      ecosystem: 'Debian:12',
      type: 'deb',
      purl: 'pkg:deb/debian/libc6@2.36-9+deb12u4?arch=amd64&distro=debian-12&upstream=glibc',
      licenses: ['LGPL-2.1-or-later'],
      sourceName: 'glibc',
      sourceVersion: '2.36-9+deb12u4',
      locations: [{ path: '/var/lib/dpkg/status', layer: 'sha256:aaa' }],
      foundBy: 'dpkg',
    });
    expect(pkgs.find((p) => p.name === 'bsdutils')!.purl).toBe('pkg:deb/debian/bsdutils@1:2.38.1-5+deb12u1?arch=amd64&distro=debian-12&upstream=util-linux%402.38.1-5');
  });

  it('keeps the first layer a package appeared in when a later layer rewrites the status file', () => {
    const c = createCatalog();
    const one = DPKG_STATUS.split('\n\n')[0]!;
    c.add({ path: 'var/lib/dpkg/status', bytes: enc(`${one}\n`), origin: { layer: 'sha256:one' } });
    c.add({ path: 'var/lib/dpkg/status', bytes: enc(DPKG_STATUS), origin: { layer: 'sha256:two' } });
    const pkgs = c.finish();
    expect(pkgs.find((p) => p.name === 'libc6')!.locations[0]!.layer).toBe('sha256:one');
    expect(pkgs.find((p) => p.name === 'libgcrypt20')!.locations[0]!.layer).toBe('sha256:two');
  });

  it('reads distroless status.d stanzas (no Status field)', () => {
    const c = createCatalog();
    c.add({ path: 'var/lib/dpkg/status.d/tzdata', bytes: enc('Package: tzdata\nVersion: 2024a-0+deb12u1\nArchitecture: all\n') });
    c.add({ path: 'etc/os-release', bytes: enc(DEBIAN_OS_RELEASE) });
    expect(c.finish().map((p) => p.purl)).toEqual(['pkg:deb/debian/tzdata@2024a-0+deb12u1?arch=all&distro=debian-12']);
  });
});

describe('apk', () => {
  it('reads records with origin and licence', () => {
    const db = `C:Q1DIb8XWbWuGRdVyPfQFuSlzz/Ipw=
P:musl
V:1.2.5-r0
A:x86_64
S:411729
I:636928
T:the musl c library (libc) implementation
U:https://musl.libc.org/
L:MIT
o:musl
m:Natanael Copa <ncopa@alpinelinux.org>
t:1712570185
c:4b8bf4c8ae5db6ff6cd6a3b2b3e5b2b1e4c9a6d4
F:lib
R:ld-musl-x86_64.so.1

C:Q1abc=
P:ssl_client
V:1.36.1-r28
A:x86_64
L:GPL-2.0-only
o:busybox
`;
    const recs = parseApkInstalled(db);
    expect(recs).toEqual([
      { kind: 'apk', name: 'musl', version: '1.2.5-r0', arch: 'x86_64', licenses: ['MIT'], sourceName: 'musl', sourceVersion: '1.2.5-r0' },
      { kind: 'apk', name: 'ssl_client', version: '1.36.1-r28', arch: 'x86_64', licenses: ['GPL-2.0-only'], sourceName: 'busybox', sourceVersion: '1.36.1-r28' },
    ]);
  });
});

describe('rpm', () => {
  const blob = rpmHeaderBlob([
    { tag: RPMTAG.NAME, type: 'string', value: 'openssl-libs' },
    { tag: RPMTAG.EPOCH, type: 'int32', value: 1 },
    { tag: RPMTAG.VERSION, type: 'string', value: '3.0.7' },
    { tag: RPMTAG.RELEASE, type: 'string', value: '27.el9' },
    { tag: RPMTAG.LICENSE, type: 'string', value: 'ASL 2.0' },
    { tag: RPMTAG.ARCH, type: 'string', value: 'x86_64' },
    { tag: RPMTAG.SOURCERPM, type: 'string', value: 'openssl-3.0.7-27.el9.src.rpm' },
  ]);

  it('decodes header blobs', () => {
    const h = parseRpmHeader(blob);
    expect(h.strings.get(RPMTAG.NAME)).toBe('openssl-libs');
    expect(h.ints.get(RPMTAG.EPOCH)).toBe(1);
    expect(splitSourceRpm('openssl-3.0.7-27.el9.src.rpm')).toEqual({ name: 'openssl', version: '3.0.7-27.el9' });
    expect(() => parseRpmHeader(blob.subarray(0, 40))).toThrow(/truncated/);
  });

  it('reads an rpmdb.sqlite database', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'drydock-test-rpm-'));
    try {
      const file = path.join(dir, 'rpmdb.sqlite');
      const Database = createRequire(import.meta.url)('better-sqlite3');
      const db = new Database(file);
      db.exec('CREATE TABLE Packages (hnum INTEGER PRIMARY KEY AUTOINCREMENT, blob BLOB NOT NULL)');
      db.prepare('INSERT INTO Packages (blob) VALUES (?)').run(Buffer.from(blob));
      db.prepare('INSERT INTO Packages (blob) VALUES (?)').run(
        Buffer.from(rpmHeaderBlob([{ tag: RPMTAG.NAME, type: 'string', value: 'gpg-pubkey' }, { tag: RPMTAG.VERSION, type: 'string', value: 'fd431d51' }])),
      );
      db.close();
      const c = createCatalog();
      c.add({ path: '/etc/os-release', bytes: enc('ID="rocky"\nVERSION_ID="9.3"\n') });
      expect(c.wants('/var/lib/rpm/rpmdb.sqlite')).toBe(true);
      c.add({ path: '/var/lib/rpm/rpmdb.sqlite', bytes: readFileSync(file) });
      expect(c.problems()).toEqual([]);
      expect(c.finish()).toEqual([
        {
          name: 'openssl-libs',
          version: '1:3.0.7-27.el9',
          ecosystem: 'Rocky Linux:9',
          type: 'rpm',
          purl: 'pkg:rpm/rocky/openssl-libs@3.0.7-27.el9?arch=x86_64&distro=rocky-9.3&epoch=1&upstream=openssl',
          licenses: ['ASL 2.0'],
          sourceName: 'openssl',
          sourceVersion: '1:3.0.7-27.el9',
          locations: [{ path: '/var/lib/rpm/rpmdb.sqlite' }],
          foundBy: 'rpm',
        },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a Berkeley DB Packages database, values spread over overflow pages', () => {
    // A header larger than a page, so its value spans a chain of overflow pages.
    const big = rpmHeaderBlob([
      { tag: RPMTAG.NAME, type: 'string', value: 'bash' },
      { tag: RPMTAG.VERSION, type: 'string', value: '4.2.46' },
      { tag: RPMTAG.RELEASE, type: 'string', value: '35.el7_9' },
      { tag: RPMTAG.ARCH, type: 'string', value: 'x86_64' },
      { tag: RPMTAG.LICENSE, type: 'string', value: 'GPLv3+' },
      { tag: RPMTAG.SOURCERPM, type: 'string', value: 'bash-4.2.46-35.el7_9.src.rpm' },
      { tag: 1004, type: 'string', value: 'The GNU Bourne Again shell '.repeat(400) },
    ]);
    const db = berkeleyHashDb([blob, big]);
    const c = createCatalog();
    c.add({ path: '/etc/os-release', bytes: enc('ID="centos"\nVERSION_ID="7"\nID_LIKE="rhel fedora"\n') });
    expect(c.wants('/var/lib/rpm/Packages')).toBe(true);
    c.add({ path: '/var/lib/rpm/Packages', bytes: db });
    expect(c.problems()).toEqual([]);
    expect(c.finish().map((p) => [p.name, p.version, p.sourceName, p.purl])).toEqual([
      ['bash', '4.2.46-35.el7_9', 'bash', 'pkg:rpm/centos/bash@4.2.46-35.el7_9?arch=x86_64&distro=centos-7'],
      ['openssl-libs', '1:3.0.7-27.el9', 'openssl', 'pkg:rpm/centos/openssl-libs@3.0.7-27.el9?arch=x86_64&distro=centos-7&epoch=1&upstream=openssl'],
    ]);
  });

  it('reads an ndb Packages.db (openSUSE)', () => {
    const c = createCatalog();
    c.add({ path: '/etc/os-release', bytes: enc('NAME="openSUSE Leap"\nID="opensuse-leap"\nVERSION_ID="15.6"\n') });
    expect(c.wants('/usr/lib/sysimage/rpm/Packages.db')).toBe(true);
    c.add({ path: '/usr/lib/sysimage/rpm/Packages.db', bytes: ndbDatabase([blob]) });
    expect(c.problems()).toEqual([]);
    expect(c.finish().map((p) => [p.name, p.ecosystem, p.purl])).toEqual([
      ['openssl-libs', 'openSUSE:Leap 15.6', 'pkg:rpm/opensuse-leap/openssl-libs@3.0.7-27.el9?arch=x86_64&distro=opensuse-leap-15.6&epoch=1&upstream=openssl'],
    ]);
  });

  it('reports a broken overflow chain and keeps the readable packages', () => {
    const db = Buffer.from(berkeleyHashDb([blob]));
    db.writeUInt32LE(999, 4096 + 4096 - 17 + 4);
    const c = createCatalog();
    c.add({ path: 'var/lib/rpm/Packages', bytes: db });
    expect(c.finish()).toEqual([]);
    expect(c.problems()[0]!.message).toMatch(/broken overflow chain/);
  });

  it('reports a file that is not SQLite as a problem', () => {
    const c = createCatalog();
    c.add({ path: 'var/lib/rpm/rpmdb.sqlite', bytes: enc('garbage') });
    expect(c.finish()).toEqual([]);
    expect(c.problems()[0]!.message).toMatch(/not an SQLite database/);
  });
});
