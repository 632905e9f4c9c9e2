import type { Finding, Severity } from '../model/index.js';
import type { Rule } from '../rules/types.js';
import type { Format } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
/** GitHub code scanning reads `security-severity` (0–10) to rank alerts. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: string };
  properties: Record<string, unknown>;
}

function ruleDescriptor(rule: Rule<any>): SarifRule {
  const m = rule.meta;
  const refs = m.references.map((r) => `- ${r}`).join('\n');
  return {
    id: m.id,
    name: toPascal(m.slug),
    shortDescription: { text: m.title },
    fullDescription: { text: m.description },
    help: {
      text: `${m.description}\n\nRemediation: ${m.remediation}${m.references.length ? `\n\nReferences:\n${refs}` : ''}`,
      markdown: `**${m.title}** (${m.id})\n\n${m.description}\n\n**Remediation:** ${m.remediation}${m.references.length ? `\n\n**References:**\n${refs}` : ''}${m.aliases.length ? `\n\n**Also known as:** ${m.aliases.join(', ')}` : ''}`,
    },
    ...(m.references[0] ? { helpUri: m.references[0] } : {}),
    defaultConfiguration: { level: LEVEL[m.severity] },
    properties: {
      tags: ['security', m.practice, ...m.appliesTo, ...(m.pss ? [`pss-${m.pss.level}`] : [])],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[m.severity],
      aliases: m.aliases,
    },
  };
}

/** Findings that no registered rule describes (vulnerabilities) get a descriptor from the finding. */
function findingDescriptor(f: Finding): SarifRule {
  const text = f.title;
  return {
    id: f.ruleId,
    name: f.ruleId,
    shortDescription: { text },
    fullDescription: { text: f.message },
    help: { text: f.message, markdown: f.message },
    defaultConfiguration: { level: LEVEL[f.severity] },
    properties: { tags: ['security', f.practice], precision: 'high', 'security-severity': SECURITY_SEVERITY[f.severity] },
  };
}

function toPascal(slug: string): string {
  return slug.replace(/(^|-)([a-z0-9])/g, (_, __, ch: string) => ch.toUpperCase());
}

/** SARIF 2.1.0 for code-scanning services, with stable partial fingerprints. */
export const sarifFormat: Format = {
  id: 'sarif',
  aliases: [],
  description: 'SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.',
  mediaType: 'application/sarif+json',
  render(result, options) {
    const byId = new Map(options.rules.map((r) => [r.meta.id, r] as const));
    const descriptors: SarifRule[] = [];
    const index = new Map<string, number>();
    const results = result.findings
      .filter((f) => options.showSuppressed || !f.suppressed || f.suppressed.kind === 'inline' || f.suppressed.kind === 'annotation')
      .map((f) => {
        let i = index.get(f.ruleId);
        if (i === undefined) {
          const rule = byId.get(f.ruleId);
          i = descriptors.length;
          descriptors.push(rule ? ruleDescriptor(rule) : findingDescriptor(f));
          index.set(f.ruleId, i);
        }
        const l = f.location;
        const sarifResult: Record<string, unknown> = {
          ruleId: f.ruleId,
          ruleIndex: i,
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(l.path.replace(/\\/g, '/')), ...(isRelative(l.path) ? { uriBaseId: '%SRCROOT%' } : {}) },
                region: { startLine: l.startLine, startColumn: l.startColumn, endLine: l.endLine, endColumn: Math.max(l.endColumn, 1) },
              },
              ...(f.resource || l.pathInImage
                ? {
                    logicalLocations: [
                      {
                        name: l.pathInImage ?? f.resource!.name,
                        fullyQualifiedName: l.pathInImage
                          ? `${l.layer ?? ''}:${l.pathInImage}`
                          : [f.resource!.kind, f.resource!.namespace, f.resource!.name, f.resource!.container].filter(Boolean).join('/'),
                        kind: l.pathInImage ? 'file' : 'object',
                      },
                    ],
                  }
                : {}),
            },
          ],
          partialFingerprints: { 'drydockFingerprint/v1': f.fingerprint },
          properties: { severity: f.severity, practice: f.practice, ...(f.properties ? f.properties : {}) },
        };
        if (f.suppressed) {
          sarifResult.suppressions = [
            {
              kind: f.suppressed.kind === 'inline' || f.suppressed.kind === 'annotation' ? 'inSource' : 'external',
              justification: f.suppressed.reason,
            },
          ];
        }
        return sarifResult;
      });
    const log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'drydock',
              version: result.tool.version,
              semanticVersion: result.tool.version,
              informationUri: 'https://github.com/drydock-security/drydock',
              rules: descriptors,
            },
          },
          originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///' } },
          results,
          invocations: [
            {
              executionSuccessful: result.errors.length === 0,
              toolExecutionNotifications: result.errors.map((e) => ({
                level: 'error',
                message: { text: `${e.path}: ${e.message}` },
                descriptor: { id: e.code },
              })),
            },
          ],
        },
      ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  },
};

function isRelative(p: string): boolean {
  return !p.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(p) && p !== '<stdin>';
}
