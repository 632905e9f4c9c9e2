import type { Finding } from '../model/index.js';
import type { Format } from './types.js';

function esc(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** JUnit XML: one suite per scanned file with findings, one failing case per finding. */
export const junitFormat: Format = {
  id: 'junit',
  aliases: ['xml'],
  description: 'JUnit XML, for CI systems that show test reports.',
  mediaType: 'application/xml',
  render(result, options) {
    const shown = options.showSuppressed ? result.findings : result.findings.filter((f) => !f.suppressed);
    const byFile = new Map<string, Finding[]>();
    for (const f of shown) {
      const list = byFile.get(f.location.path) ?? [];
      list.push(f);
      byFile.set(f.location.path, list);
    }
    const suites: string[] = [];
    let tests = 0;
    let failures = 0;
    let skipped = 0;
    for (const [file, list] of [...byFile.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const cases = list.map((f) => {
        const where = `${f.location.path}:${f.location.startLine}:${f.location.startColumn}`;
        const name = `[${f.severity.toUpperCase()}] ${f.ruleId} ${f.title}${f.resource ? ` (${f.resource.kind}/${f.resource.name}${f.resource.container ? `/${f.resource.container}` : ''})` : ''}`;
        const body = f.suppressed
          ? `<skipped message="${esc(`suppressed (${f.suppressed.kind}): ${f.suppressed.reason}`)}"/>`
          : `<failure message="${esc(f.message)}" type="${esc(f.severity)}">${esc(`${where}\n${f.message}`)}</failure>`;
        return `    <testcase classname="${esc(f.ruleId)}" name="${esc(name)}" file="${esc(f.location.path)}" line="${f.location.startLine}">\n      ${body}\n    </testcase>`;
      });
      const fails = list.filter((f) => !f.suppressed).length;
      const skips = list.length - fails;
      tests += list.length;
      failures += fails;
      skipped += skips;
      suites.push(`  <testsuite name="${esc(file)}" tests="${list.length}" failures="${fails}" skipped="${skips}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
    }
    for (const e of result.errors) {
      tests++;
      suites.push(
        `  <testsuite name="${esc(e.path)}" tests="1" failures="0" skipped="0" errors="1">\n    <testcase classname="drydock.scan" name="${esc(`scan ${e.path}`)}">\n      <error message="${esc(e.message)}" type="${esc(e.code)}"/>\n    </testcase>\n  </testsuite>`,
      );
    }
    if (suites.length === 0) {
      tests = 1;
      suites.push(`  <testsuite name="drydock" tests="1" failures="0" skipped="0" errors="0">\n    <testcase classname="drydock" name="no findings"/>\n  </testsuite>`);
    }
    const errors = result.errors.length;
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="drydock" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${(result.stats.durationMs / 1000).toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
  },
};
