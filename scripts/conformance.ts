/** Runs every conformance script (scripts/conformance-*.ts) and fails when any of them does. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const scripts = readdirSync(here)
  .filter((f) => /^conformance-.+\.ts$/.test(f))
  .sort();
const failed: string[] = [];
for (const s of scripts) {
  console.log(`\n=== ${s}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, s)], { stdio: 'inherit' });
  if (r.status !== 0) failed.push(s);
}
console.log(`\nconformance: ${scripts.length - failed.length} passed, ${failed.length} failed${failed.length ? ` (${failed.join(', ')})` : ''}`);
process.exit(failed.length > 0 ? 1 : 0);
