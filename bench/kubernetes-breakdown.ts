/**
 * Where a Kubernetes scan's work goes, in numbers that do not depend on the machine's load:
 *  - instructions executed (valgrind's callgrind, V8's optimising compiler on the main thread so
 *    the count does not depend on scheduling) by the js-yaml floor, by `drydock scan`, and by
 *    `drydock scan` with no rules, on the 10,000-document repository of bench/kubernetes.ts and
 *    on its hardened twin (a small report);
 *  - in one process, the first scan against a second one of the same repository (V8 warmed up).
 * Skips when valgrind is missing. Takes several minutes.
 *
 *   npx tsx bench/kubernetes-breakdown.ts
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate } from './kubernetes.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORK = path.join(ROOT, 'bench/.work');
const BIN = path.join(ROOT, 'bin/drydock.js');
const FLOOR = path.join(ROOT, 'bench/floor-js-yaml.mjs');

if (!existsSync('/usr/bin/valgrind')) {
  console.log('skipped: valgrind is not installed (apt-get install valgrind)');
  process.exit(0);
}
if (!existsSync(path.join(ROOT, 'dist/cli/drydock.cjs'))) {
  console.log('skipped: run `npm run build` first');
  process.exit(0);
}

const heavy = path.join(WORK, 'k8s-10000');
const clean = path.join(WORK, 'k8s-clean-10000');
generate(heavy, 10_000);
generate(clean, 10_000, true);
const cache = mkdtempSync(path.join(tmpdir(), 'drydock-cc-'));
const env = { ...process.env, DRYDOCK_CODE_CACHE: cache };
const NODE = [process.execPath, '--no-concurrent-recompilation'];
const scan = (dir: string, ...extra: string[]) => [BIN, 'scan', dir, '--scanners', 'misconfig', '--format', 'json', '--output', '/dev/null', ...extra];
// `--rules` naming no rule: every file read and parsed, no rule run.
const NO_RULES = ['--rules', 'NONE-0'];

// The code cache is written by a first run with the same V8 flags, as a user's second run finds it.
for (const args of [scan(heavy), scan(heavy, ...NO_RULES)]) spawnSync(NODE[0]!, [...NODE.slice(1), ...args], { env, cwd: WORK });

function instructions(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', '--smc-check=all', ...NODE, ...args], { env, cwd: WORK, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', () => {
      const m = /Collected : (\d+)/.exec(err);
      if (m) resolve(Number(m[1]) / 1e9);
      else reject(new Error(`callgrind printed no count:\n${err.slice(-2000)}`));
    });
  });
}

const runs: Array<[string, string[]]> = [
  ['floor (js-yaml loadAll)', [FLOOR, heavy]],
  ['drydock scan', scan(heavy)],
  ['drydock scan, no rules', scan(heavy, ...NO_RULES)],
  ['hardened repository: drydock scan', scan(clean)],
  ['hardened repository: drydock scan, no rules', scan(clean, ...NO_RULES)],
];
// Two at a time: callgrind runs one thread, the machine has two cores.
const counts = new Map<string, number>();
for (let i = 0; i < runs.length; i += 2) {
  const batch = runs.slice(i, i + 2);
  const got = await Promise.all(batch.map(([, args]) => instructions(args)));
  batch.forEach(([name], k) => counts.set(name, got[k]!));
}
rmSync(cache, { recursive: true, force: true });

const floor = counts.get('floor (js-yaml loadAll)')!;
console.log('Instructions executed, 10,000 documents (callgrind, compiler on the main thread):');
for (const [name] of runs) {
  const g = counts.get(name)!;
  console.log(`  ${name.padEnd(44)} ${g.toFixed(2)} G  ${(g / floor).toFixed(2)}x the floor`);
}
console.log(`  the rules, findings and report: ${(counts.get('drydock scan')! - counts.get('drydock scan, no rules')!).toFixed(2)} G (${(counts.get('hardened repository: drydock scan')! - counts.get('hardened repository: drydock scan, no rules')!).toFixed(2)} G on the hardened repository)`);

// First and second scan in one process: what warming V8 up costs.
const probe = `
const { scan } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/index.js')).href)});
const times = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  await scan({ target: ${JSON.stringify(heavy)}, scanners: ['misconfig'], configFile: false, ignoreFile: false });
  times.push(Math.round(performance.now() - t));
}
console.log(times.join(' '));
`;
const flags = /setFlagsFromString\('([^']+)'\)/.exec((await import('node:fs')).readFileSync(BIN, 'utf8'))?.[1]?.split(' ') ?? [];
const warm = spawnSync('taskset', ['-c', '0', process.execPath, ...flags, '--input-type=module', '-e', probe], { encoding: 'utf8', cwd: WORK });
const [first, second, third] = warm.stdout.trim().split(' ').map(Number);
console.log(`One process, one core, the launcher's V8 settings, three scans of the 10,000 documents: ${first} ms, then ${second} ms and ${third} ms`);
