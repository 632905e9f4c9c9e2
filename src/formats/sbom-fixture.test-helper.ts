import type { Package, ScanResult } from '../model/index.js';

export const SBOM_PACKAGES: Package[] = [
  {
    name: 'musl',
    version: '1.1.22-r3',
    ecosystem: 'Alpine:v3.10',
    purl: 'pkg:apk/alpine/musl@1.1.22-r3?arch=x86_64&distro=alpine-3.10.4',
    type: 'apk',
    licenses: ['MIT'],
    sourceName: 'musl',
    sourceVersion: '1.1.22-r3',
    locations: [{ path: '/lib/apk/db/installed', layer: 'sha256:03901b4a2ea88eeaad62dbe59b072b28b6efa00491962b8741081c5df50c65e0' }],
    foundBy: 'apk',
  },
  {
    name: 'ca-certificates-cacert',
    version: '20190108-r0',
    ecosystem: 'Alpine:v3.10',
    purl: 'pkg:apk/alpine/ca-certificates-cacert@20190108-r0?arch=x86_64&distro=alpine-3.10.4&upstream=ca-certificates',
    type: 'apk',
    licenses: ['MPL-2.0 GPL-2.0-or-later'],
    sourceName: 'ca-certificates',
    sourceVersion: '20190108-r0',
    locations: [{ path: '/lib/apk/db/installed', layer: 'sha256:03901b4a2ea88eeaad62dbe59b072b28b6efa00491962b8741081c5df50c65e0' }],
    foundBy: 'apk',
  },
  {
    name: 'apk-tools',
    version: '2.10.4-r2',
    ecosystem: 'Alpine:v3.10',
    purl: 'pkg:apk/alpine/apk-tools@2.10.4-r2?arch=x86_64&distro=alpine-3.10.4',
    type: 'apk',
    licenses: ['GPL2'],
    locations: [{ path: '/lib/apk/db/installed' }],
    foundBy: 'apk',
  },
  {
    name: '@babel/core',
    version: '7.24.0',
    ecosystem: 'npm',
    purl: 'pkg:npm/%40babel/core@7.24.0',
    type: 'npm',
    licenses: ['(MIT OR Apache-2.0)'],
    locations: [{ path: 'web/package-lock.json' }],
    foundBy: 'npm-lock',
  },
  {
    name: 'stdlib',
    version: '1.22.5',
    ecosystem: 'Go',
    purl: 'pkg:golang/stdlib@1.22.5',
    type: 'golang',
    locations: [{ path: '/usr/local/bin/server', layer: 'sha256:abc' }],
    foundBy: 'go-binary',
  },
];

export function sbomResult(extra: Partial<ScanResult> = {}): ScanResult {
  return {
    schemaVersion: '1.0.0',
    tool: { name: 'drydock', version: '0.1.0' },
    target: 'alpine:3.10.4',
    startedAt: '2026-11-29T10:00:00.123Z',
    findings: [],
    errors: [],
    notes: [],
    stats: { filesScanned: 1, documentsScanned: 0, durationMs: 5, findingsBySeverity: {}, suppressed: 0 },
    packages: SBOM_PACKAGES,
    sbom: { kind: 'image', name: 'alpine:3.10.4', version: 'sha256:af341ccd2df8b0e2d67cf8dd32e087bfda4e5756ebd1c76bbf3efa0dc246590e', os: { id: 'alpine', versionId: '3.10.4', prettyName: 'Alpine Linux v3.10' } },
    ...extra,
  };
}

export const VULN_FINDING = {
  ruleId: 'VULN',
  severity: 'critical' as const,
  title: 'CVE-2019-14697 in musl 1.1.22-r3',
  message: 'musl libc through 1.1.23 has an x87 floating-point stack adjustment imbalance.',
  practice: 'P3' as const,
  location: { path: '/lib/apk/db/installed', startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
  fingerprint: 'f1',
  properties: {
    ids: ['CVE-2019-14697', 'ALPINE-CVE-2019-14697'],
    purl: 'pkg:apk/alpine/musl@1.1.22-r3?arch=x86_64&distro=alpine-3.10.4',
    cvss: [{ score: 9.8, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
    fixedVersion: '1.1.22-r4',
  },
};
