/**
 * Compares drydock's secret detection with secretlint (recommended preset) on the same generated
 * tree: findings of each tool, their overlap (same file and line), throughput, and every
 * disagreement grouped by rule. The reasons are written up in docs/conformance/secrets.md.
 *
 *   npx tsx scripts/compare-secretlint.ts            # 20 MB tree in bench/.work
 *   COMPARE_MB=5 npx tsx scripts/compare-secretlint.ts
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTree, drydockScan, secretlintScan } from '../bench/secrets.js';
import { secretRules } from '../src/rules/secrets/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const mb = Number(process.env.COMPARE_MB ?? 20);
  const dir = path.join(ROOT, 'bench/.work/compare-tree');
  const { bytes } = buildTree(dir, mb * 1024 * 1024);
  const MB = bytes / 1024 / 1024;
  await drydockScan(path.join(dir, 'svc-0/planted'));
  const dd = await drydockScan(dir);
  const sl = secretlintScan(dir);
  if (!sl) {
    console.log('secretlint is not installed (npm i -D secretlint @secretlint/secretlint-rule-preset-recommend); nothing to compare.');
    return;
  }
  const slug = (id: string) => secretRules.find((r) => r.meta.id === id)?.meta.slug ?? id;
  const rel = (p: string) => path.relative(dir, path.resolve(p));
  const ddKeys = new Map<string, string[]>();
  for (const f of dd.findings) {
    if (f.suppressed) continue;
    const k = `${rel(f.location.path)}:${f.location.startLine}`;
    ddKeys.set(k, [...(ddKeys.get(k) ?? []), slug(f.ruleId)]);
  }
  const slKeys = new Map<string, string[]>();
  for (const m of sl.messages) {
    const k = `${m.path}:${m.line}`;
    slKeys.set(k, [...(slKeys.get(k) ?? []), m.ruleId.replace('@secretlint/secretlint-rule-', '')]);
  }
  const both = [...ddKeys.keys()].filter((k) => slKeys.has(k));
  const onlyDd = [...ddKeys.keys()].filter((k) => !slKeys.has(k));
  const onlySl = [...slKeys.keys()].filter((k) => !ddKeys.has(k));

  console.log(`tree: ${MB.toFixed(1)} MB in ${path.relative(ROOT, dir)}`);
  console.log(`drydock:    ${ddKeys.size} findings (file:line), ${(MB / (dd.cpuMs / 1000)).toFixed(1)} MB/s per CPU second, ${(dd.ms / 1000).toFixed(2)} s wall`);
  console.log(`secretlint: ${slKeys.size} findings (file:line), ${(MB / (sl.cpuMs / 1000)).toFixed(1)} MB/s per CPU second, ${(sl.ms / 1000).toFixed(2)} s wall`);
  console.log(`overlap:    ${both.length} (${((both.length / Math.max(1, slKeys.size)) * 100).toFixed(0)}% of secretlint's, ${((both.length / Math.max(1, ddKeys.size)) * 100).toFixed(0)}% of drydock's)`);

  const group = (keys: string[], from: Map<string, string[]>) => {
    const g = new Map<string, string[]>();
    for (const k of keys) for (const r of new Set(from.get(k))) g.set(r, [...(g.get(r) ?? []), k]);
    return [...g].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  };
  console.log(`\nonly drydock (${onlyDd.length}), by drydock rule:`);
  for (const [r, ks] of group(onlyDd, ddKeys)) console.log(`  ${r}: ${ks.length}  e.g. ${ks[0]}`);
  console.log(`\nonly secretlint (${onlySl.length}), by secretlint rule:`);
  for (const [r, ks] of group(onlySl, slKeys)) console.log(`  ${r}: ${ks.length}  e.g. ${ks[0]}`);
  console.log('\nagreements where the rules differ:');
  const pairs = new Map<string, number>();
  for (const k of both) {
    const key = `${ddKeys.get(k)!.join('+')} ~ ${slKeys.get(k)!.join('+')}`;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  for (const [k, n] of [...pairs].sort((a, b) => b[1] - a[1])) console.log(`  ${k}: ${n}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
