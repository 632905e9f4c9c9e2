import { describe, expect, it } from 'vitest';
import { secretsAnalyzer } from '../analyzers/secrets.js';
import { DEFAULT_ANALYZER_SETTINGS, type VirtualFile } from '../analyzers/types.js';
import { scanFiles } from '../engine/scan-files.js';
import { secretRules } from '../rules/secrets/index.js';
import { DEFAULT_RULE_SETTINGS } from '../rules/types.js';
import { revealSecret } from './reveal.js';
import { createSecretWorkerPool, precomputedSecrets, withSecretWorkers } from './workers.js';

const TOKEN = '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';

describe('secret worker pool', () => {
  it('scans files in worker threads, in order, and the analyzer uses the results', async () => {
    const pool = createSecretWorkerPool({ threads: 2 });
    try {
      const files: VirtualFile[] = Array.from({ length: 20 }, (_, i) => ({ path: `f${i}.env`, bytes: Buffer.from(i % 5 === 0 ? `T=${TOKEN}\n` : `A=${i}\n`) }));
      const items = files.map((file) => ({ type: 'file' as const, file }));
      const seen: string[] = [];
      const passed = (async function* () {
        for await (const it of withSecretWorkers(items, pool, 3)) {
          seen.push(it.file.path);
          expect(precomputedSecrets(it.file)).toBeDefined();
          yield it;
        }
      })();
      const out = await scanFiles(passed, { analyzers: [secretsAnalyzer], rules: secretRules, ruleSettings: DEFAULT_RULE_SETTINGS, analyzerSettings: DEFAULT_ANALYZER_SETTINGS });
      expect(seen).toEqual(files.map((f) => f.path));
      expect(out.findings.map((f) => f.location.path)).toEqual(['f0.env', 'f5.env', 'f10.env', 'f15.env']);
      expect(out.findings[0]!.location).toMatchObject({ startLine: 1, startColumn: 3 });
      expect(revealSecret(out.findings[0]!)).toBe(TOKEN);
      expect(JSON.stringify(out.findings)).not.toContain(TOKEN);
    } finally {
      await pool.close();
    }
  });
});
