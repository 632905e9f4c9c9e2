import type { Finding, ScanResult } from '../model/index.js';
import type { Format, FormatOptions } from './types.js';

/**
 * Findings per piece when the report is streamed: about 40 KB of text. A piece stays below V8's
 * large-object size, so the strings built for it reuse the young generation's pages; pieces of
 * 500 findings were each copied twice into fresh pages (a page fault per 4 KiB) before being written.
 */
const BATCH = 64;
const WRAP_OPEN = '{\n  "findings": [\n';
const WRAP_CLOSE = '\n  ]\n}';

/** The documented, versioned report (schemas/report.schema.json): what other tools read. */
export const jsonFormat: Format = {
  id: 'json',
  aliases: [],
  description: 'The drydock report as JSON (schema: schemas/report.schema.json).',
  mediaType: 'application/json',
  render(result, options) {
    return [...jsonChunks(result, options)].join('');
  },
  chunks: jsonChunks,
};

/**
 * The report as `JSON.stringify(report, null, 2)` writes it, produced a batch of findings at a time:
 * the frame is rendered with an empty findings list, which is then filled in place.
 */
function* jsonChunks(result: ScanResult, options: FormatOptions): Generator<string> {
  const findings = options.showSuppressed ? result.findings : result.findings.filter((f) => !f.suppressed);
  const frame = JSON.stringify({ ...result, findings: [] }, null, 2);
  const marker = '\n  "findings": []';
  const at = frame.indexOf(marker);
  if (at < 0 || findings.length === 0) {
    yield `${JSON.stringify({ ...result, findings: findings.map(withSuppressed) }, null, 2)}\n`;
    return;
  }
  yield `${frame.slice(0, at)}\n  "findings": [\n`;
  for (let i = 0; i < findings.length; i += BATCH) {
    const end = Math.min(findings.length, i + BATCH);
    // Wrapped the way the report nests them, the batch comes out at the report's indentation.
    const wrapped = JSON.stringify({ findings: findings.slice(i, end).map(withSuppressed) }, null, 2);
    const body = wrapped.slice(WRAP_OPEN.length, wrapped.length - WRAP_CLOSE.length);
    yield body + (end < findings.length ? ',\n' : '\n');
  }
  yield `  ]${frame.slice(at + marker.length)}\n`;
}

function withSuppressed(f: Finding): object {
  return { ...f, suppressed: f.suppressed ?? false };
}
