/**
 * Lints the real-world Dockerfile corpus ×20 (1,000 files) with drydock and with dockerfilelint in
 * one plain Node process, alternating rounds so both see the same machine load; prints files per
 * second for both and drydock's ratio (target: >= 1.0). See bench/dockerfile-run.mts (not a .ts file, so bench/run.ts does not run it on its own).
 *
 * drydock's code is bundled with esbuild the way scripts/bundle.mjs ships the CLI and run by plain
 * `node`: under tsx every closure is named at creation (keepNames), a cost the shipped build does
 * not have. Without esbuild the measurement runs in this process on the tsx modules instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(path.resolve(ROOT, '../shared/corpus/real-dockerfiles'))) {
  console.log(`skip: corpus not found at ${path.resolve(ROOT, '../shared/corpus/real-dockerfiles')}`);
  process.exit(0);
}

let bundled: string | undefined;
try {
  const { build } = await import('esbuild');
  bundled = path.join(ROOT, 'bench/.work/dockerfile-run.mjs');
  mkdirSync(path.dirname(bundled), { recursive: true });
  await build({ entryPoints: [path.join(ROOT, 'bench/dockerfile-run.mts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: bundled, logLevel: 'warning' });
} catch (e) {
  console.log(`note: esbuild bundling failed (${String(e).slice(0, 120)}); measuring the tsx modules`);
  bundled = undefined;
}

if (bundled) {
  const r = spawnSync(process.execPath, [bundled], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, DRYDOCK_ROOT: ROOT, DRYDOCK_BENCH_HOW: 'esbuild bundle run by node, as shipped' },
  });
  process.exit(r.status ?? 1);
} else {
  await import('./dockerfile-run.mts');
}
