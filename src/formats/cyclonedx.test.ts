import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { cyclonedxFormat } from './cyclonedx.js';
import { sbomResult, VULN_FINDING } from '../catalog/fixtures/sbom-result.js';
import type { FormatOptions } from './types.js';

const schemaDir = path.join(path.dirname(createRequire(import.meta.url).resolve('@cyclonedx/cyclonedx-library/package.json')), 'res/schema');
const load = (f: string) => JSON.parse(readFileSync(path.join(schemaDir, f), 'utf8')) as Record<string, unknown>;

function validator() {
  const ajv = new (Ajv as unknown as typeof Ajv.default)({ strict: false, allErrors: true });
  (addFormats as unknown as typeof addFormats.default)(ajv);
  // Formats of the official schema that ajv-formats lacks; their values are checked as strings.
  ajv.addFormat('iri-reference', true);
  ajv.addFormat('idn-email', true);
  ajv.addSchema({ ...load('spdx.SNAPSHOT.schema.json'), $id: 'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json' });
  ajv.addSchema({ ...load('jsf-0.82.SNAPSHOT.schema.json'), $id: 'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json' });
  return ajv.compile(load('bom-1.6.SNAPSHOT.schema.json'));
}

const options = { color: false, showSuppressed: false, rules: [] } as FormatOptions;

describe('CycloneDX 1.6', () => {
  const validate = validator();

  it('validates against the official schema, with components, licences and locations', () => {
    const bom = JSON.parse(cyclonedxFormat.render(sbomResult(), options));
    expect(validate(bom), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(bom.specVersion).toBe('1.6');
    expect(bom.serialNumber).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(bom.metadata.component).toMatchObject({ type: 'container', name: 'alpine:3.10.4', 'bom-ref': 'drydock:target' });
    expect(bom.metadata.tools.components[0]).toMatchObject({ name: 'drydock', version: '0.1.0' });
    const musl = bom.components.find((c: { name: string }) => c.name === 'musl');
    expect(musl).toMatchObject({ type: 'library', version: '1.1.22-r3', purl: 'pkg:apk/alpine/musl@1.1.22-r3?arch=x86_64&distro=alpine-3.10.4', licenses: [{ license: { id: 'MIT' } }] });
    expect(musl.properties).toContainEqual({ name: 'drydock:location:0:layer', value: 'sha256:03901b4a2ea88eeaad62dbe59b072b28b6efa00491962b8741081c5df50c65e0' });
    expect(musl.properties).toContainEqual({ name: 'drydock:location:0:path', value: '/lib/apk/db/installed' });
    const certs = bom.components.find((c: { name: string }) => c.name === 'ca-certificates-cacert');
    expect(certs.licenses).toEqual([{ expression: 'MPL-2.0 AND GPL-2.0-or-later' }]);
    expect(certs.properties).toContainEqual({ name: 'drydock:package:sourceName', value: 'ca-certificates' });
    expect(bom.components.find((c: { name: string }) => c.name === 'apk-tools').licenses).toEqual([{ license: { name: 'GPL2' } }]);
    expect(bom.components.find((c: { type: string }) => c.type === 'operating-system')).toMatchObject({ name: 'alpine', version: '3.10.4' });
  });

  it('is the same for the same input', () => {
    expect(cyclonedxFormat.render(sbomResult(), options)).toBe(cyclonedxFormat.render(sbomResult(), options));
  });

  it('renders vulnerability findings, still valid', () => {
    const bom = JSON.parse(cyclonedxFormat.render(sbomResult({ findings: [VULN_FINDING] }), options));
    expect(validate(bom), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(bom.vulnerabilities).toHaveLength(1);
    expect(bom.vulnerabilities[0]).toMatchObject({
      id: 'CVE-2019-14697',
      source: { name: 'NVD' },
      ratings: [{ score: 9.8, severity: 'critical', method: 'CVSSv31', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
      recommendation: 'Upgrade to 1.1.22-r4 or later.',
      affects: [{ ref: 'pkg:apk/alpine/musl@1.1.22-r3?arch=x86_64&distro=alpine-3.10.4' }],
    });
    expect(bom.vulnerabilities[0].references).toEqual([{ id: 'ALPINE-CVE-2019-14697', source: { name: 'OSV', url: 'https://osv.dev/vulnerability/ALPINE-CVE-2019-14697' } }]);
  });

  it('describes a directory without packages', () => {
    const bom = JSON.parse(cyclonedxFormat.render(sbomResult({ packages: [], sbom: undefined, target: './repo' }), options));
    expect(validate(bom), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(bom.metadata.component).toMatchObject({ type: 'application', name: './repo' });
  });
});
