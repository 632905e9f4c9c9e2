import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { imageAnalyzer } from '../../src/analyzers/image.js';
import { DEFAULT_ANALYZER_SETTINGS } from '../../src/analyzers/types.js';
import { runRules } from '../../src/engine/run.js';
import type { Finding } from '../../src/model/index.js';
import { imageRules } from '../../src/rules/image/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/rules/types.js';
import { scanImage } from '../../src/sources/image/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/dockle');
const present = existsSync(path.join(CORPUS, 'expectations.json'));
if (!present) console.warn(`dockle conformance skipped: ${CORPUS} not found`);
const d = present ? describe : describe.skip;

/** Checks drydock does not implement, because they are not properties of the image (see docs/conformance/image.md). */
const NOT_IMAGE_PROPERTIES = new Set(['CIS-DI-0005']);

function dockleCode(f: Finding): string | undefined {
  const rule = imageRules.find((r) => r.meta.id === f.ruleId);
  return rule?.meta.aliases.find((a) => /^(?:CIS-DI|DKL-(?:DI|LI))-\d{4}$/.test(a));
}

function assessments(findings: Finding[]): string[] {
  return findings
    .map((f) => {
      const code = dockleCode(f);
      if (!code) return undefined;
      const file = f.location.pathInImage ? f.location.pathInImage.replace(/^\//, '') : 'metadata';
      return `${code} ${file}`;
    })
    .filter((x): x is string => x !== undefined)
    .sort();
}

function expected(list: [string, string][]): string[] {
  return list
    .filter(([code, file]) => !NOT_IMAGE_PROPERTIES.has(code) && !file.startsWith('SKIP'))
    .map(([code, file]) => `${code} ${file.replace(/ \(.*\)$/, '')}`)
    .sort();
}

d('dockle conformance (../shared/corpus/dockle)', () => {
  // describe.skip still collects its body: read nothing when the corpus is absent.
  const exp = (present ? JSON.parse(readFileSync(path.join(CORPUS, 'expectations.json'), 'utf8')) : {}) as Record<string, unknown>;
  const manifests = (Object.entries(exp).find(([k]) => k.startsWith('manifest-testdata'))?.[1] ?? {}) as Record<string, unknown>;

  for (const [file, want] of Object.entries(manifests)) {
    if (!Array.isArray(want)) continue;
    it(`image configuration ${file}`, () => {
      const bytes = readFileSync(path.join(CORPUS, 'manifest-testdata', file));
      const out = imageAnalyzer.analyze({ path: file, bytes }, DEFAULT_ANALYZER_SETTINGS);
      expect(out.errors).toEqual([]);
      const findings = out.documents.flatMap((doc) => runRules(doc, imageRules, { settings: DEFAULT_RULE_SETTINGS }));
      expect(assessments(findings)).toEqual(expected(want as [string, string][]));
    });
  }

  it('scanner-testdata/scratch.tar (full image scan)', async () => {
    const want = Object.entries(exp).find(([k]) => k.startsWith('scanner-testdata/scratch.tar'))![1] as [string, string][];
    const result = await scanImage('', { input: path.join(CORPUS, 'scanner-testdata/scratch.tar') });
    expect(assessments(result.findings)).toEqual(expected(want));
  });

  it('the saved alpine 3.10.4 image is readable, with its apk database', async () => {
    const result = await scanImage('', { input: path.join(CORPUS, 'image-tarballs/alpine-310.tar.gz'), secrets: false });
    expect(result.image.source).toBe('docker-archive');
    expect(result.image.layers).toHaveLength(1);
    expect(result.image.files).toBeGreaterThan(400);
    const apk = result.packages.filter((p) => p.type === 'apk');
    expect(apk).toHaveLength(14);
    expect(apk.every((p) => p.locations[0]!.layer === result.image.layers[0]!.diffId)).toBe(true);
  });
});
