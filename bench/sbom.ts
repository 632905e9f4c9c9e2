/**
 * SBOM of a Debian image tarball: drydock against @cyclonedx/cdxgen, measured in the same run.
 * Time is wall clock; memory is the peak of the summed RSS of the whole process tree (cdxgen runs
 * helper binaries), sampled from /proc. Targets: ≥5× faster, ≤⅓ of the memory, no fewer OS packages.
 *
 * Image: $DRYDOCK_BENCH_IMAGE, else the Debian docker-archive the image tests cache
 * ($DRYDOCK_TEST_CACHE or /var/cache/drydock-test), else one built here from a debootstrap
 * minbase root filesystem (needs root and debootstrap). Without any of these it skips.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(root, 'bench/.work/sbom');
mkdirSync(work, { recursive: true });

function skip(why: string): never {
  console.log(`sbom benchmark skipped: ${why}`);
  process.exit(0);
}

function aptMirror(): string | undefined {
  const files = ['/etc/apt/sources.list', ...(existsSync('/etc/apt/sources.list.d') ? readdirSync('/etc/apt/sources.list.d').map((f) => `/etc/apt/sources.list.d/${f}`) : [])];
  for (const f of files) {
    if (!existsSync(f)) continue;
    const text = readFileSync(f, 'utf8');
    const deb = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+\S+\s+main/m.exec(text)?.[1];
    if (deb && !deb.includes('security')) return deb;
    const uri = /^URIs:\s*(\S+)/m.exec(text)?.[1];
    if (uri && !uri.includes('security')) return uri;
  }
  return undefined;
}

/** A docker-archive with one layer: the tar of a debootstrap minbase root filesystem. */
function buildImage(): string {
  const out = path.join(work, 'debian.docker.tar');
  if (existsSync(out)) return out;
  if (process.getuid?.() !== 0 || spawnSync('which', ['debootstrap']).status !== 0) skip('no cached Debian image, and debootstrap (as root) is not available to build one');
  const mirror = aptMirror();
  if (!mirror) skip('no apt mirror configured for debootstrap');
  const rootfs = path.join(work, 'rootfs');
  rmSync(rootfs, { recursive: true, force: true });
  console.log('building a debootstrap minbase root filesystem (once)…');
  const r = spawnSync('debootstrap', ['--variant=minbase', 'bookworm', rootfs, mirror], { stdio: 'inherit' });
  if (r.status !== 0) skip('debootstrap failed');
  const stage = path.join(work, 'stage');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage);
  execFileSync('tar', ['--numeric-owner', '--exclude=./proc/*', '--exclude=./sys/*', '--exclude=./dev/*', '-C', rootfs, '-cf', path.join(stage, 'layer.tar'), '.']);
  const diffId = `sha256:${createHash('sha256').update(readFileSync(path.join(stage, 'layer.tar'))).digest('hex')}`;
  const config = JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Cmd: ['/bin/bash'] }, rootfs: { type: 'layers', diff_ids: [diffId] }, history: [{ created_by: 'debootstrap --variant=minbase bookworm' }] });
  const configName = `${createHash('sha256').update(config).digest('hex')}.json`;
  writeFileSync(path.join(stage, configName), config);
  writeFileSync(path.join(stage, 'manifest.json'), JSON.stringify([{ Config: configName, RepoTags: ['drydock-bench/debian:bookworm'], Layers: ['layer.tar'] }]));
  execFileSync('tar', ['-C', stage, '-cf', out, 'manifest.json', configName, 'layer.tar']);
  rmSync(stage, { recursive: true, force: true });
  rmSync(rootfs, { recursive: true, force: true });
  return out;
}

function findImage(): string {
  const env = process.env.DRYDOCK_BENCH_IMAGE;
  if (env) return existsSync(env) ? env : skip(`DRYDOCK_BENCH_IMAGE=${env} does not exist`);
  const cache = process.env.DRYDOCK_TEST_CACHE ?? `${process.env.XDG_CACHE_HOME ?? '/var/cache'}/drydock-test`;
  const cached = path.join(cache, 'debian.docker.tar');
  return existsSync(cached) ? cached : buildImage();
}

/** Sum of RSS (KiB) over a process and all its descendants, from /proc. */
function treeRssKb(pid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(d));
      children.set(ppid, list);
      rss.set(Number(d), Number(fields[21]) * 4);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

interface Run {
  ms: number;
  peakMiB: number;
  code: number | null;
}

async function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const t0 = process.hrtime.bigint();
  const child = spawn(cmd, args, { cwd: work, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-4000)));
  let peak = 0;
  const timer = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRssKb(child.pid));
  }, 50);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (code !== 0) console.log(`${path.basename(cmd)} exited with ${code}: ${stderr}`);
  return { ms, peakMiB: peak / 1024, code };
}

interface Counts {
  total: number;
  byType: Record<string, number>;
  osPackages: number;
  osSourceEntries: number;
}

function countComponents(file: string): Counts {
  const bom = JSON.parse(readFileSync(file, 'utf8')) as { components?: { purl?: string; tags?: string[]; type?: string }[] };
  const out: Counts = { total: 0, byType: {}, osPackages: 0, osSourceEntries: 0 };
  for (const c of bom.components ?? []) {
    out.total++;
    const t = c.purl ? /^pkg:([^/]+)\//.exec(c.purl)?.[1] ?? '?' : `(${c.type ?? 'none'})`;
    out.byType[t] = (out.byType[t] ?? 0) + 1;
    if (t === 'deb' || t === 'apk' || t === 'rpm') {
      // cdxgen lists Debian source packages as components of their own, tagged "source".
      if (c.tags?.includes('source')) out.osSourceEntries++;
      else out.osPackages++;
    }
  }
  return out;
}

const image = findImage();
// cdxgen is large and used only here: it is installed on first use beside the benchmark's work
// files, not with the project's dependencies.
const CDXGEN_VERSION = '12.8.4';
const cdxgenDir = path.join(root, 'bench/.work/cdxgen');
const cdxgen = path.join(cdxgenDir, 'node_modules/.bin/cdxgen');
if (!existsSync(cdxgen)) {
  console.log(`installing @cyclonedx/cdxgen@${CDXGEN_VERSION} into bench/.work/cdxgen ...`);
  const r = spawnSync('npm', ['install', '--prefix', cdxgenDir, '--no-save', '--no-audit', '--no-fund', `@cyclonedx/cdxgen@${CDXGEN_VERSION}`], { stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(cdxgen)) skip('@cyclonedx/cdxgen could not be installed');
}

// drydock as users run it: the CLI bundled as `npm run build` bundles it (one CommonJS file that
// bin/drydock.js compiles with V8's code cache), so no transpiling is timed.
const cliDir = path.join(work, 'cli');
execFileSync(process.execPath, [path.join(root, 'scripts/bundle.mjs'), path.join(cliDir, 'drydock.cjs')], { cwd: root, stdio: 'inherit' });
// bin/drydock.js itself (with whatever it sets up before loading the CLI), pointed at that bundle.
const bundle = path.join(work, 'drydock-run.mjs');
const bin = readFileSync(path.join(root, 'bin/drydock.js'), 'utf8');
if (!bin.includes("'../dist/cli/drydock.cjs'") || !bin.includes("'../dist/cli/main.js'")) skip('bin/drydock.js no longer loads dist/cli/drydock.cjs; update the benchmark');
writeFileSync(bundle, bin.replace("'../dist/cli/drydock.cjs'", "'./cli/drydock.cjs'").replace("'../dist/cli/main.js'", `'${pathToFileURL(path.join(root, 'dist/cli/main.js')).href}'`));
rmSync(path.join(work, 'drydock.mjs'), { force: true });
rmSync(path.join(work, 'entry.ts'), { force: true });

console.log(`image: ${image}`);
const ddOut = path.join(work, 'drydock.cdx.json');
const cdxOut = path.join(work, 'cdxgen.cdx.json');
const runs = Number(process.env.DRYDOCK_BENCH_RUNS ?? 3);
let dd: Run | undefined;
for (let i = 0; i < runs; i++) {
  const r = await measure(process.execPath, [bundle, 'sbom', image, '--format', 'cyclonedx', '--output', ddOut]);
  if (r.code !== 0) process.exit(1);
  if (!dd || r.ms < dd.ms) dd = { ...r, peakMiB: Math.max(r.peakMiB, dd?.peakMiB ?? 0) };
}
// One cdxgen run: it takes over a minute. No network lookups, so both tools read only the image.
const cx = await measure(cdxgen, ['-t', 'docker', image, '-o', cdxOut, '--no-recurse'], { FETCH_LICENSE: 'false', CDXGEN_DEBUG_MODE: '' });
if (cx.code !== 0 || !existsSync(cdxOut)) process.exit(1);

const a = countComponents(ddOut);
const b = countComponents(cdxOut);
const speed = cx.ms / dd!.ms;
const mem = dd!.peakMiB / cx.peakMiB;
const pad = (s: string, n: number) => s.padEnd(n);
console.log('');
console.log(`${pad('', 10)} ${pad('time', 9)} ${pad('peak RSS', 10)} ${pad('OS pkgs', 8)} components by purl type`);
for (const [name, r, c] of [['drydock', dd!, a], ['cdxgen', cx, b]] as const) {
  const types = Object.entries(c.byType).sort(([x], [y]) => (x < y ? -1 : 1)).map(([t, n]) => `${t} ${n}`).join(', ');
  console.log(`${pad(name, 10)} ${pad(`${(r.ms / 1000).toFixed(2)} s`, 9)} ${pad(`${r.peakMiB.toFixed(0)} MiB`, 10)} ${pad(String(c.osPackages), 8)} ${types}${c.osSourceEntries ? ` (of which ${c.osSourceEntries} source-package entries)` : ''}`);
}
console.log('');
console.log(`speed: drydock is ${speed.toFixed(1)}x faster (target >= 5x) ${speed >= 5 ? 'PASS' : 'MISS'}`);
console.log(`memory: drydock uses ${(mem * 100).toFixed(0)}% of cdxgen's peak (target <= 33%) ${mem <= 1 / 3 ? 'PASS' : 'MISS'}`);
console.log(`OS packages: drydock ${a.osPackages}, cdxgen ${b.osPackages} (target: no fewer) ${a.osPackages >= b.osPackages ? 'PASS' : 'MISS'}`);
