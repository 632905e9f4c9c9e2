import type { Format } from './types.js';

/** The documented, versioned report (schemas/report.schema.json): what other tools read. */
export const jsonFormat: Format = {
  id: 'json',
  aliases: [],
  description: 'The drydock report as JSON (schema: schemas/report.schema.json).',
  mediaType: 'application/json',
  render(result, options) {
    const findings = options.showSuppressed ? result.findings : result.findings.filter((f) => !f.suppressed);
    return `${JSON.stringify({ ...result, findings: findings.map((f) => ({ ...f, suppressed: f.suppressed ?? false })) }, null, 2)}\n`;
  },
};
