import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2019 from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { spdxFormat } from './spdx.js';
import { sbomResult } from '../catalog/fixtures/sbom-result.js';
import type { FormatOptions } from './types.js';

const schemaFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schemas/spdx-2.3.schema.json');
const options = { color: false, showSuppressed: false, rules: [] } as FormatOptions;

describe('SPDX 2.3', () => {
  const ajv = new (Ajv2019 as unknown as typeof Ajv2019.default)({ strict: false, allErrors: true });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

  it('validates against the official SPDX 2.3 schema', () => {
    const doc = JSON.parse(spdxFormat.render(sbomResult(), options));
    expect(validate(doc), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(doc).toMatchObject({ spdxVersion: 'SPDX-2.3', dataLicense: 'CC0-1.0', SPDXID: 'SPDXRef-DOCUMENT', name: 'alpine:3.10.4' });
    expect(doc.creationInfo).toEqual({ created: '2026-11-29T10:00:00Z', creators: ['Tool: drydock-0.1.0'] });
    expect(doc.packages).toHaveLength(7);
    const ids = new Set(doc.packages.map((p: { SPDXID: string }) => p.SPDXID));
    expect(ids.size).toBe(7);
    for (const id of ids) expect(id).toMatch(/^SPDXRef-[A-Za-z0-9.-]+$/);
    for (const r of doc.relationships) {
      expect(r.spdxElementId === 'SPDXRef-DOCUMENT' || ids.has(r.spdxElementId)).toBe(true);
      expect(ids.has(r.relatedSpdxElement)).toBe(true);
    }
  });

  it('writes purls, declared licences and where each package was found', () => {
    const doc = JSON.parse(spdxFormat.render(sbomResult(), options));
    const byName = (n: string) => doc.packages.find((p: { name: string }) => p.name === n);
    expect(byName('musl')).toMatchObject({
      versionInfo: '1.1.22-r3',
      licenseDeclared: 'MIT',
      externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:apk/alpine/musl@1.1.22-r3?arch=x86_64&distro=alpine-3.10.4' }],
      sourceInfo: 'acquired package info from apk: /lib/apk/db/installed (layer sha256:03901b4a2ea88eeaad62dbe59b072b28b6efa00491962b8741081c5df50c65e0)',
    });
    expect(byName('ca-certificates-cacert').licenseDeclared).toBe('MPL-2.0 AND GPL-2.0-or-later');
    expect(byName('ca-certificates-cacert').comment).toBe('source package: ca-certificates 20190108-r0');
    expect(byName('@babel/core').licenseDeclared).toBe('(MIT OR Apache-2.0)');
    expect(byName('stdlib').licenseDeclared).toBe('NOASSERTION');
    const gpl2 = byName('apk-tools').licenseDeclared;
    expect(gpl2).toMatch(/^LicenseRef-GPL2-[0-9a-f]{8}$/);
    expect(doc.hasExtractedLicensingInfos).toEqual([{ licenseId: gpl2, extractedText: 'GPL2', name: 'GPL2' }]);
    expect(byName('alpine:3.10.4').primaryPackagePurpose).toBe('CONTAINER');
  });

  it('rejects what the schema forbids (the validator is live)', () => {
    const doc = JSON.parse(spdxFormat.render(sbomResult(), options));
    delete doc.packages[1].downloadLocation;
    expect(validate(doc)).toBe(false);
  });
});
