/**
 * Writes docs/rules/<ID>.md for every rule from its metadata, and docs/rules/README.md as the index.
 * `--check` fails when a page is missing or stale (the tests run it).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRuleDoc } from '../src/rules/docs.js';
import { allRules } from '../src/rules/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'docs/rules');
const check = process.argv.includes('--check');

export function expectedPages(): Map<string, string> {
  const pages = new Map<string, string>();
  for (const r of allRules) pages.set(`${r.meta.id}.md`, renderRuleDoc(r.meta));
  const rows = allRules.map((r) => `| [${r.meta.id}](${r.meta.id}.md) | ${r.meta.severity} | ${r.meta.appliesTo.join(', ')} | ${r.meta.practice} | ${r.meta.title.replace(/\|/g, '\\|')} |`);
  pages.set(
    'README.md',
    ['# Rules', '', `drydock has ${allRules.length} rules. Each page is generated from the rule's metadata (\`npm run docs\`).`, '', '| ID | Severity | Applies to | Practice | Title |', '|---|---|---|---|---|', ...rows, ''].join('\n'),
  );
  return pages;
}

const pages = expectedPages();
const stale: string[] = [];
mkdirSync(dir, { recursive: true });
for (const [name, text] of pages) {
  const file = path.join(dir, name);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === text) continue;
  if (check) stale.push(name);
  else writeFileSync(file, text);
}
for (const name of readdirSync(dir)) {
  if (!pages.has(name) && name.endsWith('.md')) {
    if (check) stale.push(`${name} (no such rule)`);
    else unlinkSync(path.join(dir, name));
  }
}
if (check && stale.length > 0) {
  console.error(`docs/rules is out of date (run npm run docs): ${stale.join(', ')}`);
  process.exit(1);
}
if (!check) console.log(`wrote ${pages.size} pages to docs/rules`);
