/**
 * Compose conformance: parses every Compose file of ../shared/corpus/real-compose (docker's
 * awesome-compose) and checks, service by service, that the parser's normalised facts and the
 * DC rules agree with the per-service expectations of its facts.tsv.
 *
 *   npx tsx scripts/conformance-compose.ts [--verbose]
 *
 * Exit 0 when every file parses and every expectation agrees (or each disagreement is listed with
 * its reason in docs/conformance/compose.md), 1 otherwise. Skips with exit 0 when the corpus is absent.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeAnalyzer, isComposePath } from '../src/analyzers/compose.js';
import { DEFAULT_ANALYZER_SETTINGS } from '../src/analyzers/types.js';
import { runRules } from '../src/engine/run.js';
import type { Finding } from '../src/model/index.js';
import { capabilityName, type ComposeDocument } from '../src/parsers/compose/index.js';
import { composeRules } from '../src/rules/compose/index.js';
import { DEFAULT_RULE_SETTINGS } from '../src/rules/types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus', 'real-compose');
const tree = path.join(corpus, 'awesome-compose');
const factsPath = path.join(corpus, 'facts.tsv');
const docPath = path.join(repoRoot, 'docs', 'conformance', 'compose.md');
const verbose = process.argv.includes('--verbose');

if (!existsSync(tree) || !existsSync(factsPath)) {
  console.log(`compose conformance: skipped, corpus not found at ${path.relative(repoRoot, corpus)}`);
  process.exit(0);
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

interface Analysed {
  docs: Map<string, ComposeDocument>;
  findings: Map<string, Finding[]>;
}

// 1. Every Compose file parses.
const files = walk(tree).filter((f) => /\.ya?ml$/i.test(f));
const analysed = new Map<string, Analysed>();
const parseFailures: string[] = [];
let services = 0;
let claimed = 0;
for (const full of files) {
  const rel = path.relative(tree, full).split(path.sep).join('/');
  if (isComposePath(rel, DEFAULT_ANALYZER_SETTINGS)) claimed++;
  const out = composeAnalyzer.analyze({ path: rel, bytes: readFileSync(full) }, DEFAULT_ANALYZER_SETTINGS);
  if (out.errors.length > 0) parseFailures.push(`${rel}: ${out.errors.map((e) => e.message).join('; ')}`);
  const a: Analysed = { docs: new Map(), findings: new Map() };
  for (const d of out.documents as ComposeDocument[]) {
    services++;
    a.docs.set(d.service.name, d);
    a.findings.set(d.service.name, runRules(d, composeRules, { settings: DEFAULT_RULE_SETTINGS }));
  }
  analysed.set(rel, a);
}

// 2. The per-service expectations.
const [header, ...rows] = readFileSync(factsPath, 'utf8').split('\n').filter((l) => l.trim() !== '');
const columns = header!.split('\t');
type Row = Record<string, string>;
const facts: Row[] = rows.map((line) => {
  const cells = line.split('\t');
  return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
});

const fired = (fs: Finding[], id: string) => fs.some((f) => f.ruleId === id && !f.suppressed);
const list = (v: string) => (v === '-' || v === '' ? [] : v.split(/[;,]/).map((s) => s.trim()).filter(Boolean));
const same = (a: string[], b: string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
const bool = (v: string) => v === 'True';

/** Each check: the column, what drydock says, and what facts.tsv says, both as text. */
const checks: { column: string; rule: string; ours(d: ComposeDocument, f: Finding[]): string; theirs(r: Row): string }[] = [
  { column: 'privileged', rule: 'DC-001', ours: (_d, f) => String(fired(f, 'DC-001')), theirs: (r) => String(bool(r.privileged!)) },
  { column: 'docker_sock_mount', rule: 'DC-010', ours: (_d, f) => String(fired(f, 'DC-010')), theirs: (r) => String(bool(r.docker_sock_mount!)) },
  { column: 'network_mode_host', rule: 'DC-006', ours: (_d, f) => String(fired(f, 'DC-006')), theirs: (r) => String(bool(r.network_mode_host!)) },
  {
    column: 'cap_add',
    rule: 'parser + DC-002',
    ours: (d, f) => {
      const caps = d.service.capAdd.map((c) => capabilityName(c.text ?? ''));
      const flagged = f.filter((x) => x.ruleId === 'DC-002').map((x) => String(x.properties?.capability));
      // Every capability facts.tsv lists is one DC-002 treats as dangerous; both must match.
      return same(caps, flagged) ? caps.sort().join(',') || '-' : `parsed ${caps.join(',')} but DC-002 flagged ${flagged.join(',')}`;
    },
    theirs: (r) => list(r.cap_add!).sort().join(',') || '-',
  },
  {
    column: 'hardcoded_secret_env_keys',
    rule: 'DC-015',
    ours: (_d, f) => f.filter((x) => x.ruleId === 'DC-015').map((x) => String(x.properties?.variable)).sort().join(',') || '-',
    theirs: (r) => list(r.hardcoded_secret_env_keys!).sort().join(',') || '-',
  },
  {
    column: 'image_tag',
    rule: 'DC-019',
    ours: (d, f) => (fired(f, 'DC-019') ? 'untagged/latest' : d.service.build ? 'build' : 'tagged'),
    theirs: (r) => r.image_tag!,
  },
  { column: 'has_user', rule: 'DC-013', ours: (d, f) => String(d.service.field('user') !== undefined && !fired(f, 'DC-013')), theirs: (r) => String(bool(r.has_user!)) },
  { column: 'read_only', rule: 'DC-012', ours: (_d, f) => String(!fired(f, 'DC-012')), theirs: (r) => String(bool(r.read_only!)) },
  {
    column: 'ports',
    rule: 'parser + DC-014',
    ours: (d, f) => {
      const ports = d.service.ports.map((p) => p.display);
      const flagged = f.filter((x) => x.ruleId === 'DC-014').length;
      const open = d.service.ports.filter((p) => p.hostIp === undefined).length;
      return flagged === open ? ports.join(';') || '-' : `${ports.join(';')} but DC-014 fired ${flagged} times for ${open} ports without a host address`;
    },
    theirs: (r) => r.ports || '-',
  },
];

/** Disagreements explained in docs/conformance/compose.md, by "file service column". */
const documented = new Set<string>();
if (existsSync(docPath)) {
  for (const m of readFileSync(docPath, 'utf8').matchAll(/^\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|/gm)) documented.add(`${m[1]} ${m[2]} ${m[3]}`);
}

const tally = new Map<string, { agree: number; total: number }>();
const disagreements: string[] = [];
let undocumented = 0;
let missingServices = 0;
for (const row of facts) {
  const a = analysed.get(row.file!);
  const d = a?.docs.get(row.service!);
  if (!a || !d) {
    missingServices++;
    disagreements.push(`${row.file} ${row.service}: service not found by the parser`);
    undocumented++;
    continue;
  }
  const f = a.findings.get(row.service!) ?? [];
  for (const c of checks) {
    const t = tally.get(c.column) ?? { agree: 0, total: 0 };
    t.total++;
    const ours = c.ours(d, f);
    const theirs = c.theirs(row);
    if (ours === theirs) t.agree++;
    else {
      const key = `${row.file} ${row.service} ${c.column}`;
      const known = documented.has(key);
      if (!known) undocumented++;
      disagreements.push(`${key}: drydock ${ours}, facts.tsv ${theirs}${known ? ' (documented)' : ''}`);
    }
    tally.set(c.column, t);
  }
}

console.log('Compose conformance against ../shared/corpus/real-compose (docker/awesome-compose)');
console.log(`  files parsed:      ${files.length - parseFailures.length}/${files.length} (${claimed} claimed by name), ${services} services`);
for (const p of parseFailures) console.log(`    PARSE ERROR ${p}`);
console.log(`  services matched:  ${facts.length - missingServices}/${facts.length}`);
let agree = 0;
let total = 0;
for (const c of checks) {
  const t = tally.get(c.column) ?? { agree: 0, total: 0 };
  agree += t.agree;
  total += t.total;
  console.log(`  ${c.column.padEnd(26)} ${c.rule.padEnd(16)} ${t.agree}/${t.total}`);
}
console.log(`  overall: ${agree}/${total} expectations agree (${total ? ((100 * agree) / total).toFixed(1) : '0'}%)`);
if (disagreements.length > 0) {
  console.log(`  disagreements (${undocumented} undocumented; reasons in docs/conformance/compose.md):`);
  for (const d of disagreements) console.log(`    ${d}`);
}
if (verbose) {
  const byRule = new Map<string, number>();
  for (const a of analysed.values()) for (const fs of a.findings.values()) for (const f of fs) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  console.log('  findings by rule:');
  for (const [id, n] of [...byRule].sort()) console.log(`    ${id} ${n}`);
}
process.exit(parseFailures.length === 0 && undocumented === 0 ? 0 : 1);
