/**
 * Secret scanning benchmark: builds a mixed source tree (code, configs, lockfiles, binaries,
 * minified bundles and planted secrets of every detector), then times drydock's secret scan (one
 * thread, real walker and engine) and secretlint's recommended preset on the same tree.
 *
 *   npx tsx bench/secrets.ts            # 200 MB tree
 *   BENCH_MB=20 npx tsx bench/secrets.ts
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { secretsAnalyzer } from '../src/analyzers/secrets.js';
import { DEFAULT_ANALYZER_SETTINGS } from '../src/analyzers/types.js';
import { scanFiles } from '../src/engine/scan-files.js';
import type { Finding } from '../src/model/index.js';
import { secretRules } from '../src/rules/secrets/index.js';
import { DEFAULT_RULE_SETTINGS } from '../src/rules/types.js';
import { DETECTORS } from '../src/secrets/detectors/index.js';
import { SecretScanner } from '../src/secrets/engine.js';
import { walkFiles } from '../src/sources/filesystem.js';
import { createSecretWorkerPool, withSecretWorkers, type SecretWorkerPool } from '../src/secrets/workers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
const WORDS = ['config', 'value', 'result', 'items', 'request', 'response', 'handler', 'user', 'session', 'client', 'server', 'cache', 'options', 'state', 'key', 'path', 'index', 'build', 'image', 'deploy', 'render', 'data', 'error', 'count', 'layout'];
const ident = () => `${pick(WORDS)}${pick(WORDS).replace(/^./, (c) => c.toUpperCase())}`;

function codeFile(bytes: number): string {
  const out: string[] = ['import { readFileSync } from "node:fs";', 'import os', ''];
  let n = 0;
  while (n < bytes) {
    const l = (rnd() < 0.06 ? pick([
      () => `  password = os.environ["${pick(WORDS).toUpperCase()}_PASSWORD"]`,
      () => `  const url = "https://api.acme.io/v1/${pick(WORDS)}/" + ${ident()};`,
      () => `  return { ${ident()}: ${ident()}, token: req.headers.authorization };`,
      () => `  const ${ident()} = new Client({ apiKey: process.env.API_KEY, secretRef: "${pick(WORDS)}" });`,
    ]) : pick([
      () => `export function ${ident()}(${ident()}: string, ${ident()}: number) {`,
      () => `  const ${ident()} = ${ident()}.${ident()}(${ident()}, "${pick(WORDS)}-${Math.floor(rnd() * 1000)}");`,
      () => `  if (${ident()} === undefined) throw new Error("missing ${pick(WORDS)}");`,
      () => `  // ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`,
      () => `  for (const ${pick(WORDS)} of ${ident()}) ${ident()}.push(${pick(WORDS)});`,
      () => '}',
    ]))();
    out.push(l);
    n += l.length + 1;
  }
  return out.join('\n') + '\n';
}

function configFile(bytes: number): string {
  const out: string[] = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:'];
  let n = 0;
  while (n < bytes) {
    const l = pick([
      () => `  ${pick(WORDS)}_${pick(WORDS)}: ${Math.floor(rnd() * 100000)}`,
      () => `  ${pick(WORDS)}: "${pick(WORDS)}-${pick(WORDS)}"`,
      () => `  image: registry.acme.io/${pick(WORDS)}:1.${Math.floor(rnd() * 20)}`,
      () => `  ${pick(WORDS)}_${pick(WORDS)}_enabled: ${rnd() < 0.5}`,
      () => (rnd() < 0.2 ? `  password: \${${pick(WORDS).toUpperCase()}_PASSWORD}` : `  replicas: ${Math.floor(rnd() * 10)}`),
      () => (rnd() < 0.2 ? `  ${pick(WORDS).toUpperCase()}_URL=https://${pick(WORDS)}.acme.io:8443/${pick(WORDS)}` : `  ${pick(WORDS)}: ${pick(WORDS)}`),
    ])();
    out.push(l);
    n += l.length + 1;
  }
  return out.join('\n') + '\n';
}

function lockFile(bytes: number): string {
  const out = ['{', '  "name": "app",', '  "version": "1.0.0",', '  "lockfileVersion": 3,', '  "packages": {'];
  let n = 0;
  while (n < bytes) {
    const name = `${pick(WORDS)}-${pick(WORDS)}`;
    const l = `    "node_modules/${name}": { "version": "1.${Math.floor(rnd() * 9)}.0", "resolved": "https://registry.npmjs.org/${name}/-/${name}-1.0.0.tgz", "integrity": "sha512-${randomBytes(48).toString('base64')}" },`;
    out.push(l);
    n += l.length + 1;
  }
  return out.join('\n') + '\n  }\n}\n';
}

function minified(bytes: number): string {
  let s = '';
  while (s.length < bytes) s += `function ${ident()}(a,b){return a.${ident()}(b)||"${pick(WORDS)}"};var ${ident()}=${Math.floor(rnd() * 1e6)};`;
  return s;
}

export interface Planted {
  path: string;
  detector: string;
  line: number;
}

/** Writes the tree; returns the planted secrets (one file per detector example, several copies). */
export function buildTree(dir: string, totalBytes: number): { planted: Planted[]; bytes: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const planted: Planted[] = [];
  let written = 0;
  let i = 0;
  const write = (rel: string, content: string | Buffer) => {
    const p = path.join(dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
    written += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  };
  // Planted secrets: each rule's documented bad example, inside an ordinary file.
  for (let copy = 0; copy < 2; copy++) {
    for (const rule of secretRules) {
      const bad = rule.meta.examples.bad[0]!;
      // Manifests stay whole (they are parsed); other examples sit under some ordinary code.
      const prefix = bad.startsWith('apiVersion') ? '' : codeFile(2000);
      const rel = `svc-${copy}/planted/${rule.meta.slug}.txt`;
      write(rel, prefix + bad);
      planted.push({ path: rel, detector: rule.meta.slug, line: prefix ? prefix.split('\n').length : 1 });
    }
  }
  // Cases where detectors disagree on purpose (see docs/conformance/secrets.md); not counted as planted.
  const fakeGh = 'ghp_' + 'Zk3Lq9Vx2Np7Rt5Wm8Yc4Hb6Jd1Fg0Ks2Qa9'.slice(0, 36);
  const edge: Record<string, string> = {
    'bad-checksum.env': `GITHUB_TOKEN=${fakeGh}\nNPM_TOKEN=npm_${'Zk3Lq9Vx2Np7Rt5Wm8Yc4Hb6Jd1Fg0Ks2Qa9'.slice(0, 36)}\n`,
    'aws-docs-example.env': 'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
    'url-placeholders.env': 'DATABASE_URL=postgres://user:password@localhost:5432/app\nREDIS_URL=redis://:${REDIS_PASSWORD}@redis:6379/0\nPROXY=http://proxy-user:Pr0xy-S3cret-42@proxy.acme.io:3128\n',
    'key-placeholder.pem': '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n',
    'bundle.min.js': `${minified(8000)}var t="${secretRules.find((r) => r.meta.slug === 'github-personal-access-token')!.meta.examples.bad[0]!.match(/ghp_\w+/)![0]}";`,
    'package-lock.json': `{\n  "name": "x",\n  "lockfileVersion": 3,\n  "packages": { "node_modules/a": { "resolved": "https://ci:Npm-Pa55word-99@npm.acme.io/a/-/a-1.0.0.tgz" } }\n}\n`,
    'secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  token: ${Buffer.from(secretRules.find((r) => r.meta.slug === 'slack-bot-token')!.meta.examples.bad[0]!.match(/xoxb-[\w-]+/)![0]).toString('base64')}\n`,
    'jwt.http': `Authorization: Bearer ${secretRules.find((r) => r.meta.slug === 'json-web-token')!.meta.examples.bad[0]!.match(/eyJ[\w.-]+/)![0]}\n`,
    'generic.py': 'DB_PASSWORD = "Zq8#vLm2Rt9xWp"\nclient_secret = "kT93hsJ2LmQp8ZxVb4Rt"\npassword = os.environ["DB_PASSWORD"]\n',
  };
  for (const [name, content] of Object.entries(edge)) write(`svc-0/edge/${name}`, content);
  while (written < totalBytes) {
    const d = `svc-${i % 40}/${pick(['src', 'lib', 'config', 'deploy', 'assets', 'vendor-ish'])}/${pick(WORDS)}`;
    const kind = rnd();
    if (kind < 0.55) write(`${d}/${ident()}-${i}.${pick(['ts', 'py', 'go', 'java'])}`, codeFile(4000 + Math.floor(rnd() * 40000)));
    else if (kind < 0.7) write(`${d}/${ident()}-${i}.${pick(['yaml', 'env', 'properties', 'toml'])}`, configFile(2000 + Math.floor(rnd() * 20000)));
    else if (kind < 0.82) write(`${d}/lock-${i}.${pick(['json', 'txt'])}`, lockFile(50000 + Math.floor(rnd() * 400000)));
    else if (kind < 0.92) write(`${d}/blob-${i}.${pick(['png', 'txt', 'dat'])}`, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), randomBytes(20000 + Math.floor(rnd() * 300000))]));
    else write(`${d}/bundle-${i}.${pick(['js', 'txt'])}`, minified(30000 + Math.floor(rnd() * 300000)));
    i++;
  }
  return { planted, bytes: written };
}

export async function drydockScan(dir: string, pool?: SecretWorkerPool): Promise<{ findings: Finding[]; ms: number; cpuMs: number }> {
  const t = performance.now();
  const c = process.cpuUsage();
  const walked = walkFiles(dir, { skipDirNames: ['.git'], skipDirs: [], skipFiles: [], maxFileSize: 64 * 1024 * 1024, wants: () => true });
  const items = pool ? withSecretWorkers(walked, pool) : walked;
  const out = await scanFiles(items as AsyncIterable<any>, { analyzers: [secretsAnalyzer], rules: secretRules, ruleSettings: DEFAULT_RULE_SETTINGS, analyzerSettings: { ...DEFAULT_ANALYZER_SETTINGS } });
  const cpu = process.cpuUsage(c);
  return { findings: out.findings, ms: performance.now() - t, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export interface SecretlintMessage {
  path: string;
  ruleId: string;
  line: number;
  column: number;
}

/** Runs secretlint (recommended preset) over the tree; undefined when it is not installed. */
export function secretlintScan(dir: string): { messages: SecretlintMessage[]; ms: number; cpuMs: number } | undefined {
  const bin = path.join(ROOT, 'node_modules/.bin/secretlint');
  try {
    statSync(bin);
  } catch {
    return undefined;
  }
  const rc = path.join(dir, '.secretlintrc.json');
  writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  const t = performance.now();
  const out = path.join(dir, '..', 'secretlint-out.json');
  const times = path.join(dir, '..', 'secretlint-times.txt');
  // bash's `time` gives the child's CPU seconds (user, system); secretlint exits 1 when it finds something.
  execFileSync('bash', ['-c', 'TIMEFORMAT="%U %S"; { time "$0" "**/*" --format json --secretlintrc "$1" --output "$2" >/dev/null 2>&1; } 2> "$3"; exit 0', bin, rc, out, times], { cwd: dir, stdio: 'ignore' });
  const ms = performance.now() - t;
  const [user, sys] = readFileSync(times, 'utf8').trim().split(/\s+/).map(Number);
  const cpuMs = ((user ?? 0) + (sys ?? 0)) * 1000;
  let stdout = '';
  try {
    stdout = readFileSync(out, 'utf8');
  } catch {
    stdout = '[]';
  }
  const results = JSON.parse(stdout || '[]') as { filePath: string; messages: { ruleId: string; loc: { start: { line: number; column: number } } }[] }[];
  const messages = results.flatMap((r) => r.messages.map((m) => ({ path: path.relative(dir, r.filePath), ruleId: m.ruleId, line: m.loc.start.line, column: m.loc.start.column + 1 })));
  return { messages, ms, cpuMs };
}

async function main(): Promise<void> {
  const mb = Number(process.env.BENCH_MB ?? 200);
  const dir = path.join(ROOT, 'bench/.work/secrets-tree');
  console.log(`building a ${mb} MB mixed tree in ${path.relative(ROOT, dir)} …`);
  const { planted, bytes } = buildTree(dir, mb * 1024 * 1024);
  const MB = bytes / 1024 / 1024;

  // Warm the JIT and the module loader on the planted files, then time the whole tree.
  await drydockScan(path.join(dir, 'svc-0/planted'));
  const dd = await drydockScan(dir);
  const ddRate = MB / (dd.cpuMs / 1000);
  const found = new Set(dd.findings.map((f) => `${f.location.path.replace(/^.*secrets-tree\//, '')}|${secretRules.find((r) => r.meta.id === f.ruleId)!.meta.slug}`));
  const missed = planted.filter((p) => !found.has(`${p.path}|${p.detector}`));
  console.log(`load average before scanning: ${loadavg()[0]!.toFixed(1)} (2 cores are shared: MB/s is per CPU second, wall time shown too)`);
  console.log(`drydock:    ${dd.findings.length} findings, ${(dd.cpuMs / 1000).toFixed(2)} CPU s (${(dd.ms / 1000).toFixed(2)} s wall), ${ddRate.toFixed(1)} MB/s per core (one thread), ${(MB / (dd.ms / 1000)).toFixed(1)} MB/s wall`);
  console.log(`planted:    ${planted.length - missed.length}/${planted.length} found${missed.length ? `; missed: ${missed.slice(0, 10).map((m) => m.detector).join(', ')}` : ''}`);

  // The same scan with the engine in worker threads (the main thread walks, reads and builds findings).
  const pool = createSecretWorkerPool({ threads: availableParallelism() });
  await drydockScan(path.join(dir, 'svc-0/planted'), pool);
  const dw = await drydockScan(dir, pool);
  await pool.close();
  console.log(`drydock with ${pool.threads} worker threads: ${dw.findings.length} findings, ${(dw.ms / 1000).toFixed(2)} s wall, ${(MB / (dw.ms / 1000)).toFixed(1)} MB/s wall`);

  // Worst time of one adversarial line, over every detector's keywords.
  const scanner = new SecretScanner();
  let worst = 0;
  let worstWhat = '';
  // Each line is timed three times and the fastest counts: the first run includes JIT compilation
  // and a loaded machine pre-empts at random; backtracking would slow every run.
  for (const d of DETECTORS) {
    for (const kw of d.keywords) {
      for (const l of [`${kw}${'a'.repeat(20000)}`, `${kw}=${'\\n'.repeat(8000)}`, `${kw}://${':'.repeat(8000)}@${'@'.repeat(8000)}`, `${(kw + ' = "').repeat(1000)}`, `-----BEGIN ${kw}-----\n${'QUJD\n'.repeat(8000)}`]) {
        const bytes = Buffer.from(l);
        let best = Infinity;
        for (let run = 0; run < 3; run++) {
          const t = performance.now();
          scanner.scanFile(d.id, bytes, undefined, { sniff: false });
          best = Math.min(best, performance.now() - t);
        }
        if (best > worst) {
          worst = best;
          worstWhat = `${d.id} (${l.slice(0, 24).replace(/\n/g, '\\n')}…)`;
        }
      }
    }
  }
  const ADVERSARIAL_BOUND_MS = 100;
  console.log(`adversarial lines: worst ${worst.toFixed(1)} ms per line (${worstWhat}); bound ${ADVERSARIAL_BOUND_MS} ms: ${worst <= ADVERSARIAL_BOUND_MS ? 'ok' : 'OVER'}`);

  // A single 100 MB line, searched in windows (content sniffing off so it is not skipped as minified).
  const big = Buffer.alloc(100 * 1024 * 1024, 'x=1;password;token;ghp_;');
  const unlimited = new SecretScanner({ maxFileSize: 200 * 1024 * 1024 });
  let t = performance.now();
  unlimited.scanFile('one-line', big, undefined, { sniff: false });
  console.log(`one 100 MB line (keyword every 25 bytes): ${((performance.now() - t) / 1000).toFixed(2)} s`);
  t = performance.now();
  scanner.scanFile('one-line', big);
  console.log(`one 100 MB line with sniffing (skipped as minified): ${(performance.now() - t).toFixed(1)} ms`);

  const sl = secretlintScan(dir);
  if (!sl) {
    console.log('secretlint: not installed (npm i -D secretlint @secretlint/secretlint-rule-preset-recommend); peer comparison skipped');
  } else {
    const slRate = MB / (sl.cpuMs / 1000);
    console.log(`secretlint: ${sl.messages.length} findings, ${(sl.cpuMs / 1000).toFixed(2)} CPU s (${(sl.ms / 1000).toFixed(2)} s wall), ${slRate.toFixed(1)} MB/s per core, ${(MB / (sl.ms / 1000)).toFixed(1)} MB/s wall`);
    console.log(`ratio: drydock is ${(ddRate / slRate).toFixed(1)}x secretlint's throughput per CPU second, ${(sl.ms / dd.ms).toFixed(1)}x by wall time (target >= 5x)`);
  }
  console.log(`floor: ${ddRate.toFixed(1)} MB/s per core vs 50 MB/s target: ${(ddRate / 50).toFixed(2)}x`);
  if (missed.length > 0) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
