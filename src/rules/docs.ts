import { PRACTICES } from '../model/index.js';
import type { RuleMeta } from './types.js';

const FENCE: Record<string, string> = { kubernetes: 'yaml', compose: 'yaml', dockerfile: 'dockerfile', secrets: 'text', image: 'json', packages: 'text' };

/** The doc page of a rule, generated from its metadata (docs/rules/<ID>.md and `drydock explain`). */
export function renderRuleDoc(m: RuleMeta): string {
  const lang = FENCE[m.appliesTo[0] ?? ''] ?? 'text';
  const lines = [
    `# ${m.id}: ${m.title}`,
    '',
    `| | |`,
    `|---|---|`,
    `| Severity | ${m.severity} |`,
    `| Applies to | ${m.appliesTo.join(', ')} |`,
    `| Practice | ${m.practice} ${PRACTICES[m.practice]} |`,
    ...(m.pss ? [`| Pod Security Standards | ${m.pss.level}: ${m.pss.control} |`] : []),
    `| Slug | \`${m.slug}\` |`,
    ...(m.aliases.length ? [`| Aliases | ${m.aliases.map((a) => `\`${a}\``).join(', ')} |`] : []),
    ...(m.optIn ? ['| Enabled | only when turned on in drydock.yaml |'] : []),
    '',
    '## Why it matters',
    '',
    m.description,
    '',
    '## How to fix it',
    '',
    m.remediation,
    '',
  ];
  if (m.examples.settings) {
    lines.push('The examples below assume these settings in `drydock.yaml`:', '', '```yaml', 'settings:', ...Object.entries(m.examples.settings).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`), '```', '');
  }
  m.examples.bad.forEach((code, i) => {
    lines.push(`## Bad example${m.examples.bad.length > 1 ? ` ${i + 1}` : ''}`, '', '```' + lang, code.replace(/\n+$/, ''), '```', '');
  });
  m.examples.good.forEach((code, i) => {
    lines.push(`## Good example${m.examples.good.length > 1 ? ` ${i + 1}` : ''}`, '', '```' + lang, code.replace(/\n+$/, ''), '```', '');
  });
  lines.push('## Suppressing it', '', `Add \`# drydock:ignore ${m.id} <reason>\` on the line or the object, or an entry with \`id: ${m.id}\` and a reason in \`.drydockignore.yaml\`.`, '');
  if (m.references.length) {
    lines.push('## References', '', ...m.references.map((r) => `- ${r}`), '');
  }
  return lines.join('\n');
}
