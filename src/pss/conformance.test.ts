import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseKubernetes } from '../parsers/kubernetes/index.js';
import { checksFor } from './evaluate.js';
import { evaluateWorkload } from './workload.js';
import type { PssLevel } from './types.js';

// Kubernetes' own Pod Security Admission fixtures (newest and pre-1.34 versions, unpacked in the
// corpus). scripts/conformance-pss.ts runs every version from the tarball; this is the quick check.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const testdata = path.resolve(repoRoot, '..', 'shared', 'corpus', 'k8s-pod-security-admission', 'testdata');
const present = existsSync(testdata);

function fixtures(): Array<{ level: PssLevel; minor: number; expect: 'pass' | 'fail'; stem: string; file: string }> {
  const out: Array<{ level: PssLevel; minor: number; expect: 'pass' | 'fail'; stem: string; file: string }> = [];
  for (const level of ['baseline', 'restricted'] as const) {
    const dir = path.join(testdata, level);
    if (!existsSync(dir)) continue;
    for (const v of readdirSync(dir)) {
      const m = /^v1\.(\d+)$/.exec(v);
      if (!m) continue;
      for (const expect of ['pass', 'fail'] as const) {
        const d = path.join(dir, v, expect);
        if (!existsSync(d)) continue;
        for (const f of readdirSync(d)) if (f.endsWith('.yaml')) out.push({ level, minor: Number(m[1]), expect, stem: f.slice(0, -5), file: path.join(d, f) });
      }
    }
  }
  return out;
}

function deployment(podText: string): string {
  const lines = podText.split('\n');
  const body = lines.slice(lines.findIndex((l) => l.startsWith('metadata:'))).map((l) => (l ? `    ${l}` : l));
  return ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: wrapped', 'spec:', '  template:', ...body].join('\n');
}

describe.skipIf(!present)('PSA fixtures from the corpus', () => {
  it('every unpacked fixture gets PSA verdict, bare and in a Deployment', () => {
    const all = fixtures();
    expect(all.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    for (const f of all) {
      const text = readFileSync(f.file, 'utf8');
      for (const code of [text, deployment(text)]) {
        const doc = parseKubernetes(code, f.file).documents[0]!;
        const result = evaluateWorkload(doc, { level: f.level, version: f.minor })!;
        if (f.expect === 'pass') {
          if (!result.allowed) wrong.push(`${f.file} (${doc.objectKind}) denied: ${result.violations.map((v) => v.message).join(', ')}`);
          continue;
        }
        const id = f.stem.replace(/\d+$/, '');
        const active = checksFor(f.level, f.minor);
        const named = active.find((c) => c.id.toLowerCase() === id)?.id ?? active.find((c) => c.check.overrides?.some((o) => o.toLowerCase() === id))?.id;
        if (result.allowed || !result.violations.some((v) => v.control === named)) {
          wrong.push(`${f.file} (${doc.objectKind}): expected ${named}, got ${result.violations.map((v) => v.control).join(', ') || 'allowed'}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
