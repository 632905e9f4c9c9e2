/**
 * The measurement behind bench/dockerfile.ts (run that one). Lints the real-world Dockerfile corpus ×20 (1,000 files) with drydock and with dockerfilelint in
 * the same process, alternating rounds so both see the same machine load. drydock does its full
 * work: decode, parse, the shell parse of every RUN (forced, not left lazy: the fast reader, or
 * tree-sitter-bash for scripts it does not model) and every Dockerfile rule. Prints files per
 * second for both and drydock's ratio (target: >= 1.0), then, for reference, what parsing every
 * RUN with tree-sitter-bash alone would cost.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dockerfileAnalyzer } from '../src/analyzers/dockerfile.js';
import { DEFAULT_ANALYZER_SETTINGS } from '../src/analyzers/types.js';
import { runRules } from '../src/engine/run.js';
import type { DockerfileDocument } from '../src/parsers/dockerfile/index.js';
import { initShell, parseShell, parseShellFast } from '../src/parsers/shell/index.js';
import { dockerfileRules } from '../src/rules/dockerfile/index.js';
import { DEFAULT_RULE_SETTINGS } from '../src/rules/types.js';
import { fmt } from './lib.js';

await initShell();

const ROOT = process.env.DRYDOCK_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/real-dockerfiles');
const COPIES = 20;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

if (!existsSync(CORPUS)) {
  console.log(`skip: corpus not found at ${CORPUS}`);
  process.exit(0);
}
const require = createRequire(import.meta.url);
let dockerfilelint: { run(configDir: string, content: string): unknown[] };
try {
  dockerfilelint = require('dockerfilelint');
} catch {
  console.log('skip: dockerfilelint is not installed (npm i -D dockerfilelint)');
  process.exit(0);
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/^Dockerfile/.test(name)) out.push(p);
  }
  return out;
}

const how = process.env.DRYDOCK_BENCH_HOW ?? 'tsx modules';
const sources = walk(CORPUS).map((p) => ({ path: path.relative(CORPUS, p), bytes: new Uint8Array(readFileSync(p)) }));
const files = Array.from({ length: COPIES }, (_, i) => sources.map((s) => ({ path: `copy${i}/${s.path}`, bytes: s.bytes }))).flat();
const texts = files.map((f) => Buffer.from(f.bytes).toString('utf8'));
// A directory without a .dockerfilelintrc, so dockerfilelint uses its defaults.
const configDir = os.tmpdir();

function runDrydock(): { findings: number; runs: number } {
  let findings = 0;
  let runs = 0;
  for (const file of files) {
    const out = dockerfileAnalyzer.analyze(file, DEFAULT_ANALYZER_SETTINGS);
    for (const doc of out.documents as DockerfileDocument[]) {
      for (const ins of doc.instructions) {
        if (ins.keyword === 'RUN') {
          doc.shell(ins);
          runs++;
        }
      }
      findings += runRules(doc, dockerfileRules, { settings: DEFAULT_RULE_SETTINGS }).length;
    }
  }
  return { findings, runs };
}

function runDockerfilelint(): number {
  let issues = 0;
  for (const text of texts) issues += dockerfilelint.run(configDir, text).length;
  return issues;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

// Warm both up once (JIT, tree-sitter WebAssembly), then alternate measured rounds.
const warm = runDrydock();
runDockerfilelint();
const ours: number[] = [];
const theirs: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  ours.push(time(runDrydock).ms);
  theirs.push(time(runDockerfilelint).ms);
}
// Which reader took each RUN, and the cost of tree-sitter-bash alone for every RUN script.
const scripts: string[] = [];
for (const file of sources) {
  const doc = dockerfileAnalyzer.analyze(file, DEFAULT_ANALYZER_SETTINGS).documents[0] as DockerfileDocument | undefined;
  for (const ins of doc?.instructions ?? []) {
    if (ins.keyword === 'RUN' && !ins.json && ins.heredocs.length === 0 && !/powershell|pwsh|cmd/i.test(ins.shell[0] ?? '')) scripts.push(ins.text.slice(ins.argsOffset));
  }
}
const viaFast = scripts.filter((s) => parseShellFast(s) !== undefined).length;
const treeSitterOnly = time(() => {
  for (let c = 0; c < COPIES; c++) for (const s of scripts) parseShell(s);
}).ms;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const oursMs = median(ours);
const theirsMs = median(theirs);
const oursRate = (files.length / oursMs) * 1000;
const theirsRate = (files.length / theirsMs) * 1000;

console.log(`Dockerfile lint: ${files.length} files (${sources.length} real Dockerfiles x ${COPIES}), ${warm.runs} RUN shells parsed per pass, median of ${ROUNDS} alternating rounds; drydock code: ${how}`);
console.log(`  drydock         ${fmt(oursMs, 0).padStart(7)} ms  ${fmt(oursRate, 0).padStart(7)} files/s  (${warm.findings} findings, full parse incl. shell AST of every RUN)`);
console.log(`  dockerfilelint  ${fmt(theirsMs, 0).padStart(7)} ms  ${fmt(theirsRate, 0).padStart(7)} files/s`);
console.log(`  shell readers: ${viaFast} of ${scripts.length} distinct sh RUN scripts via the fast reader, ${scripts.length - viaFast} via tree-sitter-bash`);
console.log(`  reference: tree-sitter-bash alone on every RUN script x${COPIES}: ${fmt(treeSitterOnly, 0)} ms (${fmt(treeSitterOnly / theirsMs, 2)}x dockerfilelint's whole lint)`);
console.log(`  ratio drydock/dockerfilelint: ${fmt(oursRate / theirsRate, 2)}x (target >= 1.00) ${oursRate >= theirsRate ? 'PASS' : 'BELOW TARGET'}`);
