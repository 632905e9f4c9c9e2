import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { ConfigError, loadConfig, loadIgnoreFile } from './load.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const schema = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'schemas', name), 'utf8')) as object;

function write(text: string, name = 'drydock.yaml'): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'drydock-config-')), name);
  writeFileSync(file, text);
  return file;
}

describe('configuration validators', () => {
  it('are what the schemas compile to (run `npm run validators` after changing a schema)', async () => {
    // The generator is a script, outside the sources: loaded by path.
    const script = pathToFileURL(path.join(ROOT, 'scripts/generate-validators.ts')).href;
    const { generateValidators, GENERATED } = (await import(script)) as { generateValidators: () => string; GENERATED: string };
    expect(readFileSync(GENERATED, 'utf8')).toBe(generateValidators());
  });

  it('judge values as ajv compiling the schema does, with the same errors', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const config = ajv.compile(schema('drydock.schema.json'));
    const ignore = ajv.compile(schema('drydockignore.schema.json'));
    const configs = [{}, { severity: ['HIGH', 'HIGH'] }, { failOn: 'SEVERE' }, { exitCode: 300 }, { skipDirs: ['a', 1] }, { unknown: true }, { rules: { 'K8S-001': 'off' } }, []];
    for (const value of configs) {
      let message = '';
      try {
        loadConfig(write(JSON.stringify(value)));
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        message = (e as Error).message;
      }
      expect(message === '', JSON.stringify(value)).toBe(config(value));
      for (const err of config.errors ?? []) expect(message).toContain(`${err.instancePath || '(top)'} ${err.message}`);
    }
    const ignores = [[{ id: 'K8S-001', reason: 'r' }], [{ id: 'K8S-001' }], [{ reason: 'no id' }], { ignores: [{ fingerprint: 'xyz', reason: 'r' }] }, [{ id: 'K8S-001', reason: 'r', expires: 'soon' }], 'text'];
    for (const value of ignores) {
      let message = '';
      try {
        loadIgnoreFile(write(JSON.stringify(value), '.drydockignore.yaml'));
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        message = (e as Error).message;
      }
      expect(message === '', JSON.stringify(value)).toBe(ignore(value));
      for (const err of (ignore.errors ?? []).slice(0, 5)) expect(message).toContain(`${err.instancePath || '(top)'} ${err.message}`);
    }
  });
});
