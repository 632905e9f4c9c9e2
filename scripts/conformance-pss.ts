/**
 * Pod Security Standards conformance: runs drydock's evaluator over Kubernetes' own Pod Security
 * Admission fixtures (every level and policy version in ../shared/corpus/k8s-pod-security-admission)
 * and checks that each fixture gets PSA's verdict as a bare Pod, inside a Deployment and inside a
 * CronJob. A fail fixture must be denied for the control its file name names.
 *
 *   npx tsx scripts/conformance-pss.ts [--verbose]
 *
 * Exit 0 when every verdict agrees (or each disagreement is listed with its reason in
 * docs/conformance/pss.md), 1 otherwise. Skips with exit 0 when the corpus is absent.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import yaml from 'js-yaml';
import tar from 'tar-stream';
import { parseKubernetes } from '../src/parsers/kubernetes/index.js';
import { checksFor, evaluateWorkload, type PssControl, type PssLevel } from '../src/pss/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus', 'k8s-pod-security-admission');
const tarball = path.join(corpus, 'testdata-all-versions.tar.gz');
const docPath = path.join(repoRoot, 'docs', 'conformance', 'pss.md');
const verbose = process.argv.includes('--verbose');

const LIMITS = { entries: 20_000, entryBytes: 1 << 20, totalBytes: 64 << 20, decompressedBytes: 256 << 20 };
const FIXTURE = /(?:^|\/)testdata\/(baseline|restricted)\/v1\.(\d+)\/(pass|fail)\/([A-Za-z0-9_.-]+)\.yaml$/;

/** The text PSA's own fixture tests expect in the message of each check (fixtures_*.go). */
const EXPECTED_SUBSTRING: Partial<Record<PssControl, string>> = {
  appArmorProfile: 'forbidden AppArmor profile',
  capabilities_baseline: 'capabilities',
  capabilities_restricted: 'unrestricted capabilities',
  hostNamespaces: 'host namespaces',
  hostPathVolumes: 'hostPath',
  hostPorts: 'hostPort',
  hostProbesAndHostLifecycle: 'probe or lifecycle host',
  procMount: 'procMount',
  procMount_restricted: 'procMount',
  restrictedVolumes: 'restricted volume types',
  seLinuxOptions: 'seLinuxOptions',
  seccompProfile_baseline: 'seccompProfile',
  seccompProfile_restricted: 'seccompProfile',
  sysctls: 'forbidden sysctl',
  windowsHostProcess: 'hostProcess',
};

interface Fixture {
  level: PssLevel;
  minor: number;
  expect: 'pass' | 'fail';
  stem: string;
  text: string;
}

type Wrapper = 'Pod' | 'Deployment' | 'CronJob';
const WRAPPERS: Wrapper[] = ['Pod', 'Deployment', 'CronJob'];

async function readTarball(file: string): Promise<Fixture[]> {
  const out: Fixture[] = [];
  const extract = tar.extract();
  let entries = 0;
  let total = 0;
  const done = new Promise<void>((resolve, reject) => {
    extract.on('entry', (header, stream, next) => {
      entries++;
      if (entries > LIMITS.entries) {
        stream.resume();
        reject(new Error(`more than ${LIMITS.entries} entries in ${file}`));
        return;
      }
      const m = header.type === 'file' ? FIXTURE.exec(header.name) : null;
      if (!m || (header.size ?? 0) > LIMITS.entryBytes) {
        stream.on('end', next);
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: unknown) => {
        const c = chunk as Buffer;
        size += c.length;
        total += c.length;
        if (size <= LIMITS.entryBytes) chunks.push(c);
        if (total > LIMITS.totalBytes) reject(new Error(`more than ${LIMITS.totalBytes} bytes of fixtures in ${file}`));
      });
      stream.on('end', () => {
        out.push({ level: m[1] as PssLevel, minor: Number(m[2]), expect: m[3] as 'pass' | 'fail', stem: m[4]!, text: Buffer.concat(chunks).toString('utf8') });
        next();
      });
    });
    extract.on('finish', resolve);
    extract.on('error', reject);
  });
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (e) => extract.destroy(e));
  gunzip.on('error', (e) => extract.destroy(e));
  let inflated = 0;
  gunzip.on('data', (c: Buffer) => {
    inflated += c.length;
    if (inflated > LIMITS.decompressedBytes) gunzip.destroy(new Error(`${file} inflates to more than ${LIMITS.decompressedBytes} bytes`));
  });
  source.pipe(gunzip).pipe(extract);
  await done;
  return out;
}

function readDirectory(root: string): Fixture[] {
  const out: Fixture[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const rel = path.relative(path.dirname(root), p).split(path.sep).join('/');
        const m = FIXTURE.exec(rel);
        if (m) out.push({ level: m[1] as PssLevel, minor: Number(m[2]), expect: m[3] as 'pass' | 'fail', stem: m[4]!, text: readFileSync(p, 'utf8') });
      }
    }
  };
  walk(root);
  return out;
}

function wrap(pod: Record<string, unknown>, wrapper: Wrapper): string {
  if (wrapper === 'Pod') return yaml.dump(pod);
  const metadata = (pod.metadata ?? {}) as Record<string, unknown>;
  const template = { metadata, spec: pod.spec };
  const name = String(metadata.name ?? 'fixture');
  if (wrapper === 'Deployment') {
    return yaml.dump({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name }, spec: { selector: { matchLabels: { app: name } }, template } });
  }
  return yaml.dump({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template } } } });
}

/** The control a fail fixture's name says is violated, as PSA reports it at this level/version. */
function expectedControl(stem: string, level: PssLevel, minor: number): PssControl | undefined {
  const id = stem.replace(/\d+$/, '').toLowerCase();
  const active = checksFor(level, minor);
  const all = checksFor('restricted', minor).concat(checksFor('baseline', minor));
  const named = [...active, ...all].find((c) => c.id.toLowerCase() === id)?.id;
  if (!named) return undefined;
  if (active.some((c) => c.id === named)) return named;
  // A restricted check replaces this baseline check here (e.g. restrictedVolumes covers hostPathVolumes).
  return active.find((c) => c.check.overrides?.includes(named))?.id ?? named;
}

function knownDisagreements(): Set<string> {
  if (!existsSync(docPath)) return new Set();
  const text = readFileSync(docPath, 'utf8');
  const section = text.split(/^## /m).find((s) => s.startsWith('Known disagreements')) ?? '';
  const keys = new Set<string>();
  for (const m of section.matchAll(/`((?:baseline|restricted)\/v1\.\d+\/(?:pass|fail)\/[A-Za-z0-9_.-]+\.yaml)#(Pod|Deployment|CronJob)`/g)) keys.add(`${m[1]}#${m[2]}`);
  return keys;
}

async function main(): Promise<number> {
  let fixtures: Fixture[];
  if (existsSync(tarball)) fixtures = await readTarball(tarball);
  else if (existsSync(path.join(corpus, 'testdata'))) fixtures = readDirectory(path.join(corpus, 'testdata'));
  else {
    console.log(`PSS conformance skipped: ${path.relative(repoRoot, corpus)} is absent.`);
    return 0;
  }
  fixtures.sort((a, b) => a.level.localeCompare(b.level) || a.minor - b.minor || a.expect.localeCompare(b.expect) || a.stem.localeCompare(b.stem));
  const known = knownDisagreements();
  const score = new Map<string, { ok: number; total: number }>();
  const unexplained: string[] = [];
  let explained = 0;
  let ok = 0;
  let total = 0;

  for (const f of fixtures) {
    const key = `${f.level} v1.${f.minor}`;
    const row = score.get(key) ?? { ok: 0, total: 0 };
    score.set(key, row);
    const parsed = parseKubernetes(f.text, `${f.level}/v1.${f.minor}/${f.expect}/${f.stem}.yaml`);
    const podDoc = parsed.documents[0];
    for (const wrapper of WRAPPERS) {
      total++;
      row.total++;
      const id = `${f.level}/v1.${f.minor}/${f.expect}/${f.stem}.yaml#${wrapper}`;
      let problem: string | undefined;
      if (!podDoc || podDoc.objectKind !== 'Pod') problem = 'fixture is not a Pod';
      else {
        const wrapped = parseKubernetes(wrap(podDoc.object, wrapper), id).documents[0];
        const result = wrapped && evaluateWorkload(wrapped, { level: f.level, version: f.minor });
        if (!result) problem = 'no pod spec found';
        else if (f.expect === 'pass' && !result.allowed) problem = `denied: ${result.violations.map((v) => v.message).join(', ')}`;
        else if (f.expect === 'fail') {
          const control = expectedControl(f.stem, f.level, f.minor);
          if (result.allowed) problem = 'allowed';
          else if (control) {
            const hit = result.violations.find((v) => v.control === control);
            const substring = EXPECTED_SUBSTRING[control];
            if (!hit) problem = `denied, but not for ${control}: ${result.violations.map((v) => v.message).join(', ')}`;
            else if (substring && !hit.message.includes(substring)) problem = `message lacks "${substring}": ${hit.message}`;
          }
        }
      }
      if (!problem) {
        ok++;
        row.ok++;
      } else if (known.has(id)) {
        explained++;
        if (verbose) console.log(`documented: ${id}: ${problem}`);
      } else unexplained.push(`${id}: ${problem}`);
    }
  }

  console.log('Pod Security Standards conformance (Kubernetes PSA fixtures; each as Pod, Deployment and CronJob)');
  console.log('level       version  agree/total');
  for (const [key, row] of score) {
    const [level, version] = key.split(' ');
    console.log(`${level!.padEnd(11)} ${version!.padEnd(8)} ${String(row.ok).padStart(5)}/${row.total}${row.ok === row.total ? '' : '  <-'}`);
  }
  const pct = total === 0 ? 100 : (100 * ok) / total;
  console.log(`overall: ${ok}/${total} verdicts agree (${pct.toFixed(2)}%) over ${fixtures.length} fixtures; ${explained} documented disagreements; ${unexplained.length} unexplained`);
  for (const u of unexplained.slice(0, 50)) console.log(`  DISAGREE ${u}`);
  if (unexplained.length > 50) console.log(`  ... and ${unexplained.length - 50} more`);
  return unexplained.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`PSS conformance failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
