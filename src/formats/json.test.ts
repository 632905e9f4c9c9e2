import { describe, expect, it } from 'vitest';
import type { Finding, ScanResult } from '../model/index.js';
import { jsonFormat } from './json.js';

function finding(i: number, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: `K8S-0${String(i % 40).padStart(2, '0')}`,
    severity: i % 2 ? 'high' : 'low',
    title: 'A title',
    message: `Container "app-${i}" says "hi"\nover two lines \u2028 and \\ escapes`,
    practice: 'P7',
    location: { path: `dir/file-${i}.yaml`, startLine: i + 1, startColumn: 3, endLine: i + 2, endColumn: 9 },
    fingerprint: `fp-${i}`,
    resource: { kind: 'Deployment', name: `svc-${i}`, namespace: 'ns', container: 'app' },
    ...extra,
  };
}

function result(findings: Finding[]): ScanResult {
  return {
    schemaVersion: '1.0.0',
    tool: { name: 'drydock', version: '0.0.0' },
    target: 'dir',
    startedAt: '2026-01-01T00:00:00.000Z',
    findings,
    errors: [{ path: 'bad.yaml', message: 'invalid YAML', code: 'invalid-yaml' }],
    notes: [],
    stats: { filesScanned: 3, documentsScanned: 4, durationMs: 5, findingsBySeverity: { high: 1 }, suppressed: 1 },
    packages: [{ name: 'x' }],
  };
}

const options = { color: false, showSuppressed: false, rules: [] };

/** What the report has always been: one JSON.stringify of the whole result. */
function whole(r: ScanResult, showSuppressed: boolean): string {
  const list = showSuppressed ? r.findings : r.findings.filter((f) => !f.suppressed);
  return `${JSON.stringify({ ...r, findings: list.map((f) => ({ ...f, suppressed: f.suppressed ?? false })) }, null, 2)}\n`;
}

describe('json format', () => {
  it('streams exactly the text of one JSON.stringify, in batches', () => {
    const many = Array.from({ length: 1203 }, (_, i) => finding(i, i % 7 === 0 ? { suppressed: { kind: 'inline', reason: 'r', source: 's' } } : {}));
    for (const showSuppressed of [false, true]) {
      const r = result(many);
      const pieces = [...jsonFormat.chunks!(r, { ...options, showSuppressed })];
      expect(pieces.length).toBeGreaterThan(3);
      expect(pieces.join('')).toBe(whole(r, showSuppressed));
      expect(jsonFormat.render(r, { ...options, showSuppressed })).toBe(whole(r, showSuppressed));
      expect(JSON.parse(pieces.join('')).findings).toHaveLength(showSuppressed ? 1203 : 1203 - 172);
    }
  });

  it('writes an empty list and a single finding the same way', () => {
    for (const list of [[], [finding(1)]]) {
      const r = result(list);
      expect([...jsonFormat.chunks!(r, options)].join('')).toBe(whole(r, false));
    }
  });
});
