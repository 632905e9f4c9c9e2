import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderRuleDoc } from './docs.js';
import { allRules } from './index.js';
import { PRACTICES, SEVERITIES } from '../model/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const KIND_DIR: Record<string, string> = { kubernetes: 'kubernetes', dockerfile: 'dockerfile', compose: 'compose', secrets: 'secrets', image: 'image', packages: 'packages' };

function testsIn(dir: string): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}

describe('rule registry', () => {
  it('has unique ids and slugs', () => {
    const ids = allRules.map((r) => r.meta.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const slugs = allRules.map((r) => `${r.meta.appliesTo[0]}/${r.meta.slug}`);
    expect(slugs.filter((s, i) => slugs.indexOf(s) !== i)).toEqual([]);
  });

  it('is sorted by id', () => {
    const ids = allRules.map((r) => r.meta.id);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
  });

  const testText = new Map<string, string>();
  for (const rule of allRules) {
    const m = rule.meta;
    it(`${m.id} has complete metadata, a file, tests, examples and a doc page`, () => {
      expect(m.id).toMatch(/^[A-Z0-9]+-\d{3}$/);
      expect(m.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(m.title.length).toBeGreaterThan(3);
      expect(SEVERITIES).toContain(m.severity);
      expect(Object.keys(PRACTICES)).toContain(m.practice);
      expect(m.appliesTo.length).toBeGreaterThan(0);
      expect(m.description.length).toBeGreaterThan(10);
      expect(m.remediation.length).toBeGreaterThan(10);
      expect(Array.isArray(m.aliases)).toBe(true);
      expect(m.references.length).toBeGreaterThan(0);
      expect(m.examples.bad.length).toBeGreaterThan(0);
      expect(m.examples.good.length).toBeGreaterThan(0);
      if (m.pss) {
        expect(['baseline', 'restricted']).toContain(m.pss.level);
        expect(m.pss.control.length).toBeGreaterThan(0);
      }
      const dir = path.join(here, KIND_DIR[m.appliesTo[0]!]!);
      expect(existsSync(path.join(dir, `${m.slug}.ts`)), `src/rules/${KIND_DIR[m.appliesTo[0]!]}/${m.slug}.ts`).toBe(true);
      if (!testText.has(dir)) testText.set(dir, testsIn(dir));
      expect(testText.get(dir)!.includes(m.id) || existsSync(path.join(dir, `${m.slug}.test.ts`)), `a test in ${dir} for ${m.id}`).toBe(true);
      const page = path.join(root, 'docs/rules', `${m.id}.md`);
      expect(existsSync(page), `docs/rules/${m.id}.md (run npm run docs)`).toBe(true);
      expect(readFileSync(page, 'utf8'), `docs/rules/${m.id}.md is stale (run npm run docs)`).toBe(renderRuleDoc(m));
    });
  }
});
