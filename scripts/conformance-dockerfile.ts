/**
 * Dockerfile conformance: every real-world Dockerfile parses and agrees with the corpus facts;
 * trivy-checks good/bad examples agree on every mapped DS check; dockle's Dockerfile-level
 * expectations agree. Known, explained disagreements are listed in docs/conformance/dockerfile.md
 * (lines of the form `- <check> <file>: reason`). Exit 1 on any undocumented disagreement.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dockerfileAnalyzer } from '../src/analyzers/dockerfile.js';
import { DEFAULT_ANALYZER_SETTINGS } from '../src/analyzers/types.js';
import { runRules } from '../src/engine/run.js';
import type { Finding } from '../src/model/index.js';
import type { DockerfileDocument } from '../src/parsers/dockerfile/index.js';
import { makeMapper } from '../src/parsers/dockerfile/lexer.js';
import { initShell, parseShell, parseShellFast, type ShellScript } from '../src/parsers/shell/index.js';
import { dockerfileRules } from '../src/rules/dockerfile/index.js';
import { DEFAULT_RULE_SETTINGS } from '../src/rules/types.js';

await initShell();

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '../shared/corpus');
if (!existsSync(corpus)) {
  console.log(`skip: corpus not found at ${corpus}`);
  process.exit(0);
}

const documented = new Set<string>();
const docPath = path.join(root, 'docs/conformance/dockerfile.md');
if (existsSync(docPath)) {
  for (const m of readFileSync(docPath, 'utf8').matchAll(/^- `([^`]+)` `([^`]+)`:/gm)) documented.add(`${m[1]} ${m[2]}`);
}

function lintText(text: string, file = 'Dockerfile'): { findings: Finding[]; errors: string[]; doc?: DockerfileDocument } {
  const out = dockerfileAnalyzer.analyze({ path: file, bytes: new TextEncoder().encode(text) }, DEFAULT_ANALYZER_SETTINGS);
  const doc = out.documents[0] as DockerfileDocument | undefined;
  const findings = doc ? runRules(doc, dockerfileRules, { settings: DEFAULT_RULE_SETTINGS }) : [];
  return { findings, errors: out.errors.map((e) => e.message), doc };
}

function rulesFor(alias: string): string[] {
  const up = alias.toUpperCase();
  return dockerfileRules.filter((r) => r.meta.aliases.some((a) => a.toUpperCase() === up)).map((r) => r.meta.id);
}

let agree = 0;
let total = 0;
const undocumented: string[] = [];
const explained: string[] = [];
function verdict(key: string, ok: boolean, detail: string): void {
  total++;
  if (ok) {
    agree++;
    return;
  }
  if (documented.has(key)) explained.push(`${key}: ${detail}`);
  else undocumented.push(`${key}: ${detail}`);
}

// 1. Real-world Dockerfiles: parse, and agree with facts.tsv.
const real = path.join(corpus, 'real-dockerfiles');
if (existsSync(path.join(real, 'facts.tsv'))) {
  const rows = readFileSync(path.join(real, 'facts.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  for (const [file, from, nUser, , hasHealth, usesAdd, expose, nRun] of rows) {
    const text = readFileSync(path.join(real, file!), 'utf8');
    const { findings, errors, doc } = lintText(text, file);
    const key = (what: string) => `${what} ${file}`;
    verdict(key('parse'), errors.length === 0 && doc !== undefined, errors.join('; '));
    if (!doc) continue;
    const count = (k: string) => doc.instructions.filter((i) => i.keyword === k).length;
    // facts.tsv lists the FROM words as written (unsubstituted), separated by commas or spaces.
    const written = doc.stages.map((s) => s.imageWord?.value ?? '');
    const fromOk = [',', ' '].some((sep) => written.join(sep) === from);
    verdict(key('FROM'), fromOk, `${written.join(',')} != ${from}`);
    verdict(key('n_USER'), count('USER') === Number(nUser), `${count('USER')} != ${nUser}`);
    verdict(key('n_RUN'), count('RUN') === Number(nRun), `${count('RUN')} != ${nRun}`);
    verdict(key('HEALTHCHECK'), (count('HEALTHCHECK') > 0) === (hasHealth === 'True'), `${count('HEALTHCHECK')}`);
    verdict(key('ADD'), (count('ADD') > 0) === (usesAdd === 'True'), `${count('ADD')}`);
    const ports = doc.instructions.filter((i) => i.keyword === 'EXPOSE').flatMap((i) => i.args.map((w) => w.value)).join(' ') || '-';
    verdict(key('EXPOSE'), ports === expose, `${ports} != ${expose}`);
    verdict(key('DF-001'), findings.some((f) => f.ruleId === 'DF-001'), 'root user not reported');
    // Every RUN's shell parses.
    const bad = doc.instructions.filter((i) => i.keyword === 'RUN' && doc.shell(i).hasError);
    // The fast shell reader must agree with tree-sitter-bash wherever it accepts a script.
    for (const ins of doc.instructions) {
      if (ins.keyword !== 'RUN' || ins.json || ins.heredocs.length > 0) continue;
      const map = makeMapper(ins.segments);
      const toFile = (o: number) => map(ins.textOffset + ins.argsOffset + o);
      const script = ins.text.slice(ins.argsOffset);
      const fast = parseShellFast(script, toFile);
      if (!fast) continue;
      const line = doc.rangeOf(ins.start, ins.start).startLine;
      const a = shellSignature(fast);
      const b = shellSignature(parseShell(script, toFile));
      const at = a.findIndex((x, k) => x !== b[k]);
      verdict(`shell-fast ${file}:${line}`, at === -1 && a.length === b.length, `fast reader ${a[at] ?? '(nothing)'} vs tree-sitter ${b[at] ?? '(nothing)'}`);
    }
    verdict(key('shell'), bad.length === 0, `shell syntax error in RUN on line(s) ${bad.map((i) => doc.rangeOf(i.start, i.start).startLine).join(', ')}`);
  }
  console.log(`real-dockerfiles: ${rows.length} files`);
} else console.log('skip: real-dockerfiles not found');

// 2. trivy-checks examples.
const trivy = path.join(corpus, 'trivy-checks/dockerfile');
let unmapped: string[] = [];
if (existsSync(trivy)) {
  for (const dir of readdirSync(trivy).sort()) {
    if (!statSync(path.join(trivy, dir)).isDirectory()) continue;
    const ds = /^(DS-\d{4})/.exec(dir)?.[1];
    if (!ds) continue;
    const ids = rulesFor(ds);
    if (ids.length === 0) {
      unmapped.push(ds);
      continue;
    }
    for (const f of readdirSync(path.join(trivy, dir)).sort()) {
      const text = readFileSync(path.join(trivy, dir, f), 'utf8');
      const { findings, errors } = lintText(text);
      const fired = findings.filter((x) => ids.includes(x.ruleId));
      const bad = f.startsWith('bad');
      verdict(`${ds} ${f}`, errors.length === 0 && (bad ? fired.length > 0 : fired.length === 0), `${bad ? 'expected' : 'unexpected'} ${ids.join('/')}; got ${fired.map((x) => `${x.ruleId}@${x.location.startLine}`).join(', ') || 'nothing'}${errors.length ? `; errors: ${errors.join('; ')}` : ''}`);
    }
  }
  console.log(`trivy-checks: DS checks without a drydock rule: ${unmapped.join(', ') || 'none'}`);
} else console.log('skip: trivy-checks not found');

// 3. dockle: image histories rebuilt as Dockerfiles, and the two scanner Dockerfiles.
const dockle = path.join(corpus, 'dockle');
if (existsSync(path.join(dockle, 'expectations.json'))) {
  const expectations = JSON.parse(readFileSync(path.join(dockle, 'expectations.json'), 'utf8')) as Record<string, unknown>;
  /** dockle codes about what a Dockerfile says (not about files inside an image or the host). */
  const CODES = ['CIS-DI-0001', 'CIS-DI-0006', 'CIS-DI-0007', 'CIS-DI-0009', 'CIS-DI-0010', 'DKL-DI-0001', 'DKL-DI-0003', 'DKL-DI-0004', 'DKL-DI-0005', 'DKL-DI-0006'];
  const compare = (name: string, text: string, expected: string[]) => {
    const { findings, errors } = lintText(text);
    for (const code of CODES) {
      const ids = rulesFor(code);
      const want = expected.filter((c) => c === code).length;
      const got = findings.filter((f) => ids.includes(f.ruleId)).length;
      verdict(`${code} ${name}`, errors.length === 0 && (want === 0 ? got === 0 : got >= 1), `dockle expects ${want}, drydock (${ids.join('/')}) reports ${got}`);
    }
  };
  const manifests = expectations[Object.keys(expectations).find((k) => k.startsWith('manifest-testdata'))!] as Record<string, unknown>;
  for (const [file, list] of Object.entries(manifests)) {
    if (!Array.isArray(list)) continue;
    const config = JSON.parse(readFileSync(path.join(dockle, 'manifest-testdata', file), 'utf8')) as {
      history?: Array<{ created_by?: string }>;
      config?: { User?: string; Healthcheck?: unknown };
    };
    compare(file, historyToDockerfile(config), (list as string[][]).map((e) => e[0]!));
  }
  const scratchKey = Object.keys(expectations).find((k) => k.startsWith('scanner-testdata/scratch'))!;
  const baseKey = Object.keys(expectations).find((k) => k.startsWith('scanner-testdata/Dockerfile.base'))!;
  for (const [file, key] of [['Dockerfile.scratch', scratchKey], ['Dockerfile.base', baseKey]] as const) {
    const text = readFileSync(path.join(dockle, 'scanner-testdata', file), 'utf8');
    compare(file, text, (expectations[key] as string[][]).map((e) => e[0]!));
  }
} else console.log('skip: dockle not found');

function shellSignature(script: ShellScript): string[] {
  // Order-insensitive: both readers list nested commands next to the command that holds them.
  return [...script.commands].sort((x, y) => x.start - y.start || x.end - y.end).map((c) => JSON.stringify([c.name, c.args.map((w) => w.value), c.start, c.end, c.substituted, c.pipeline ? [c.pipeline.stage, c.pipeline.pipeline.size] : null]));
}

/**
 * Rebuilds the Dockerfile an image was built from out of its history: the base image's own steps
 * (up to its CMD) become `FROM base`, later steps become instructions; USER and HEALTHCHECK come
 * from the image configuration.
 */
function historyToDockerfile(config: { history?: Array<{ created_by?: string }>; config?: { User?: string; Healthcheck?: unknown } }): string {
  const steps = (config.history ?? []).map((h) => h.created_by ?? '');
  const baseEnd = steps.findIndex((s) => /#\(nop\)\s+CMD /.test(s));
  const lines = ['FROM base:1.0'];
  for (const s of steps.slice(baseEnd + 1)) {
    const nop = /#\(nop\)\s+(.*)$/.exec(s);
    if (nop) {
      lines.push(nop[1]!.replace(/^ADD file:\S+ in (\S+)\s*$/, 'ADD layer-content $1').trim());
      continue;
    }
    const run = /^(?:RUN )?\/bin\/sh -c (.*)$/.exec(s);
    if (run) lines.push(`RUN ${run[1]!.replace(/ # buildkit$/, '')}`);
  }
  if (config.config?.User) lines.push(`USER ${config.config.User}`);
  if (config.config?.Healthcheck) lines.push('HEALTHCHECK CMD true');
  return `${lines.join('\n')}\n`;
}

console.log(`agreement: ${agree}/${total} (${((100 * agree) / Math.max(1, total)).toFixed(1)}%)`);
if (explained.length) console.log(`documented disagreements (${explained.length}):\n  ${explained.join('\n  ')}`);
if (undocumented.length) {
  console.log(`UNDOCUMENTED disagreements (${undocumented.length}):\n  ${undocumented.join('\n  ')}`);
  process.exit(1);
}
