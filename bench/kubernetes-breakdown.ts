/**
 * Where a Kubernetes scan's work goes, in numbers that do not depend on the machine's load:
 *  - instructions executed (valgrind's callgrind, V8's optimising compiler on the main thread so
 *    the count does not depend on scheduling) by the js-yaml floor, by `drydock scan`, and by
 *    `drydock scan` with no rules, on the 10,000-document repository of bench/kubernetes.ts and
 *    on its hardened twin (a small report);
 *  - for the floor and the full scan, those instructions by where they run: V8's optimising
 *    compiler, the code it compiled, V8's builtins (interpreter, baseline code, inline caches), the
 *    garbage collector, parsing and the code cache, JSON output, OpenSSL (Node's own start-up),
 *    malloc, and the rest (callgrind_annotate's per-function counts, grouped by symbol name);
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

function instructions(args: string[], out = '/dev/null'): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, '--smc-check=all', ...NODE, ...args], { env, cwd: WORK, stdio: ['ignore', 'ignore', 'pipe'] });
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
/** Runs whose per-function counts are kept, to split them by where the instructions ran. */
const PROFILED = new Map([
  ['floor (js-yaml loadAll)', path.join(cache, 'floor.callgrind')],
  ['drydock scan', path.join(cache, 'scan.callgrind')],
]);
// Two at a time: callgrind runs one thread, the machine has two cores.
const counts = new Map<string, number>();
for (let i = 0; i < runs.length; i += 2) {
  const batch = runs.slice(i, i + 2);
  const got = await Promise.all(batch.map(([name, args]) => instructions(args, PROFILED.get(name))));
  batch.forEach(([name], k) => counts.set(name, got[k]!));
}

/** Groups of functions, by symbol name; the first that matches takes the function. */
const GROUPS: Array<[string, RegExp]> = [
  ['optimising compiler (TurboFan)', /v8::internal::compiler::|turboshaft|Pipeline/],
  ['code it compiled (JIT, no symbols)', /^\?\?\?:0x/],
  ['OpenSSL (Node start-up)', /ossl_|EVP_|CRYPTO_|OPENSSL|libcrypto|pthread_rwlock/],
  ['JSON output', /JsonStringifier/],
  ['garbage collector', /Scaveng|MarkCompact|Sweep|Heap::|GC|Evacuat|Marking|Remembered|SlotSet|MemoryChunk/],
  ['parsing, bytecode, code cache', /Parser|Scanner|PreParse|AstValue|AstRaw|BytecodeGenerator|interpreter::|Compiler::|Scope|CodeSerializer|Deserializer|Snapshot|BytecodeArray/],
  ['malloc and memcpy', /malloc|free|memmove|memcpy|memset|_int_/],
  ['V8 builtins (interpreter, baseline, ICs)', /Builtins_/],
  ['other V8', /v8::/],
  ['other', /./],
];

/** A callgrind profile's instructions by group, in G. */
function byGroup(file: string): Map<string, number> | undefined {
  const r = spawnSync('callgrind_annotate', ['--inclusive=no', '--threshold=100', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) return undefined;
  const out = new Map<string, number>(GROUPS.map(([g]) => [g, 0]));
  for (const line of r.stdout.split('\n')) {
    const m = /^\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)$/.exec(line);
    if (!m || m[2]!.includes('PROGRAM TOTALS')) continue;
    const group = GROUPS.find(([, re]) => re.test(m[2]!))![0];
    out.set(group, out.get(group)! + Number(m[1]!.replace(/,/g, '')) / 1e9);
  }
  return out;
}
const floorGroups = byGroup(PROFILED.get('floor (js-yaml loadAll)')!);
const scanGroups = byGroup(PROFILED.get('drydock scan')!);
rmSync(cache, { recursive: true, force: true });

const floor = counts.get('floor (js-yaml loadAll)')!;
console.log('Instructions executed, 10,000 documents (callgrind, compiler on the main thread):');
for (const [name] of runs) {
  const g = counts.get(name)!;
  console.log(`  ${name.padEnd(44)} ${g.toFixed(2)} G  ${(g / floor).toFixed(2)}x the floor`);
}
if (floorGroups && scanGroups) {
  console.log('Where they ran (G instructions; callgrind_annotate, functions grouped by symbol name):');
  console.log(`  ${'group'.padEnd(44)} ${'floor'.padStart(6)} ${'scan'.padStart(6)} ${'scan - floor'.padStart(12)}`);
  for (const [g] of GROUPS) {
    const f = floorGroups.get(g)!;
    const d = scanGroups.get(g)!;
    console.log(`  ${g.padEnd(44)} ${f.toFixed(2).padStart(6)} ${d.toFixed(2).padStart(6)} ${`${d - f >= 0 ? '+' : ''}${(d - f).toFixed(2)}`.padStart(12)}`);
  }
} else {
  console.log('(callgrind_annotate did not run: no split by group)');
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
