import pc from 'picocolors';
import { compareSeverity, SEVERITIES, type Finding, type Severity } from '../model/index.js';
import { revealSecret } from '../secrets/reveal.js';
import type { Format } from './types.js';

type Colors = ReturnType<typeof pc.createColors>;

function paintSeverity(c: Colors, s: Severity): string {
  const label = s.toUpperCase().padEnd(8);
  switch (s) {
    case 'critical':
      return c.bold(c.red(label));
    case 'high':
      return c.red(label);
    case 'medium':
      return c.yellow(label);
    case 'low':
      return c.cyan(label);
    default:
      return c.dim(label);
  }
}

function resourceLabel(f: Finding): string {
  const r = f.resource;
  if (!r) return '';
  const ns = r.namespace ? `${r.namespace}/` : '';
  const container = r.container ? ` [${r.container}]` : '';
  return `${r.kind} ${ns}${r.name}${container}`;
}

/** Human output, grouped by file, sorted by line. Colour only when asked (a TTY without NO_COLOR). */
export const tableFormat: Format = {
  id: 'table',
  aliases: ['text', 'human'],
  description: 'Findings grouped by file, for people.',
  mediaType: 'text/plain',
  render(result, options) {
    const c = pc.createColors(options.color);
    const shown = options.showSuppressed ? result.findings : result.findings.filter((f) => !f.suppressed);
    const byFile = new Map<string, Finding[]>();
    for (const f of shown) {
      const key = f.location.path;
      let list = byFile.get(key);
      if (!list) byFile.set(key, (list = []));
      list.push(f);
    }
    const out: string[] = [];
    for (const file of [...byFile.keys()].sort()) {
      const list = byFile.get(file)!;
      list.sort((a, b) => a.location.startLine - b.location.startLine || a.location.startColumn - b.location.startColumn || compareSeverity(a.severity, b.severity) || a.ruleId.localeCompare(b.ruleId));
      out.push(c.underline(c.bold(file)));
      const posWidth = Math.max(...list.map((f) => `${f.location.startLine}:${f.location.startColumn}`.length));
      const idWidth = Math.max(...list.map((f) => f.ruleId.length));
      for (const f of list) {
        const pos = `${f.location.startLine}:${f.location.startColumn}`.padEnd(posWidth);
        const where = [resourceLabel(f), f.location.layer ? `layer ${f.location.layer.slice(0, 19)}` : '', f.location.pathInImage ?? '', f.location.commit ? `commit ${f.location.commit.sha.slice(0, 12)} ${f.location.commit.author} ${f.location.commit.date}` : '']
          .filter(Boolean)
          .join('  ');
        const suppressed = f.suppressed ? c.dim(` (suppressed: ${f.suppressed.kind}: ${f.suppressed.reason})`) : '';
        out.push(`  ${c.dim(pos)}  ${paintSeverity(c, f.severity)} ${c.bold(f.ruleId.padEnd(idWidth))}  ${f.message}${suppressed}`);
        if (where) out.push(`  ${' '.repeat(posWidth)}  ${' '.repeat(9)}${' '.repeat(idWidth)}  ${c.dim(where)}`);
        const secret = options.noRedact ? revealSecret(f) : undefined;
        if (secret !== undefined) out.push(`  ${' '.repeat(posWidth)}  ${' '.repeat(9)}${' '.repeat(idWidth)}  ${c.red(`secret: ${secret}`)}`);
      }
      out.push('');
    }
    if (result.errors.length > 0) {
      out.push(c.bold(c.red(`Errors (${result.errors.length}): these files were not fully scanned`)));
      for (const e of result.errors) out.push(`  ${e.path}: ${e.message}`);
      out.push('');
    }
    if (result.notes.length > 0) {
      out.push(c.bold('Notes'));
      for (const n of result.notes) out.push(`  ${n.path ? `${n.path}: ` : ''}${n.message}`);
      out.push('');
    }
    const open = result.findings.filter((f) => !f.suppressed);
    const counts = SEVERITIES.map((s) => [s, open.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
    const suppressed = result.findings.length - open.length;
    const summary =
      open.length === 0
        ? c.green(`No findings`)
        : `${c.bold(String(open.length))} finding${open.length === 1 ? '' : 's'} (${counts.map(([s, n]) => `${n} ${s}`).join(', ')})`;
    out.push(
      `${summary} in ${result.stats.filesScanned} file${result.stats.filesScanned === 1 ? '' : 's'}` +
        (suppressed > 0 ? `, ${suppressed} suppressed${options.showSuppressed ? '' : ' (--show-suppressed to list)'}` : '') +
        (result.errors.length > 0 ? `, ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}` : '') +
        '.',
    );
    return `${out.join('\n')}\n`;
  },
};
