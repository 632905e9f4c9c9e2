import type { Finding, Location } from '../model/index.js';
import { ignoreCovers } from '../util/inline-ignore.js';
import { detached } from '../util/text.js';
import type { InputKind, ReportDescriptor, Rule, RuleSettings } from '../rules/types.js';
import type { ScannedDocument } from './document.js';
import { fingerprint } from './fingerprint.js';
import { ruleMatchesId } from './rule-index.js';

export interface RunOptions {
  settings: RuleSettings;
}

/**
 * Runs every rule that applies to the document and turns its reports into findings, with inline and
 * annotation suppressions already applied. Pure: no I/O.
 */
export function runRules(document: ScannedDocument, rules: readonly Rule<any>[], options: RunOptions): Finding[] {
  const findings: Finding[] = [];
  let seen: Map<string, number> | undefined;
  // One context per document: the rule being run changes, the object does not.
  let current: Rule<any> | undefined;
  const context = {
    settings: options.settings,
    report: (d: ReportDescriptor) => {
      findings.push(toFinding(current!, document, d, (seen ??= new Map())));
    },
  };
  const applicable = rulesFor(rules, document.kind, document.objectKind);
  for (let i = 0; i < applicable.length; i++) {
    current = applicable[i]!;
    current.check(document, context);
  }
  return findings;
}

/**
 * Each rule list's rules for each kind of input and object, worked out once per list rather than
 * per document: a ConfigMap is not offered to the rules about pod specs. Keyed by the input kind,
 * then by the object kind (the empty string when there is none), so no key is built per document.
 */
const byKind = new WeakMap<readonly Rule<any>[], Map<InputKind, Map<string, readonly Rule<any>[]>>>();

function rulesFor(rules: readonly Rule<any>[], kind: InputKind, objectKind: string | undefined): readonly Rule<any>[] {
  let kinds = byKind.get(rules);
  if (kinds === undefined) byKind.set(rules, (kinds = new Map()));
  let objects = kinds.get(kind);
  if (objects === undefined) kinds.set(kind, (objects = new Map()));
  const key = objectKind ?? '';
  let out = objects.get(key);
  if (out === undefined) {
    out = rules.filter((r) => r.meta.appliesTo.includes(kind) && (!r.objectKinds || (objectKind !== undefined && r.objectKinds.includes(objectKind))));
    objects.set(key, out);
  }
  return out;
}

export function toFinding(rule: Rule<any>, document: ScannedDocument, d: ReportDescriptor, seen?: Map<string, number>): Finding {
  const range = d.at ? document.resolve(d.at) : document.range;
  const resource = d.resource ?? document.resource;
  const location: Location = { path: document.path, startLine: range.startLine, startColumn: range.startColumn, endLine: range.endLine, endColumn: range.endColumn };
  if (document.origin?.layer) location.layer = document.origin.layer;
  if (document.origin?.pathInImage) location.pathInImage = document.origin.pathInImage;
  if (document.origin?.commit) location.commit = document.origin.commit;
  const data = d.fingerprintData ?? (d.at && 'pointer' in d.at ? d.at.pointer.join('.') : document.snippet(range));
  let fp = fingerprint(rule.meta.id, resource, data);
  if (seen) {
    const n = seen.get(fp) ?? 0;
    seen.set(fp, n + 1);
    if (n > 0) fp = fingerprint(rule.meta.id, resource, `${data}#${n}`);
  }
  // Whole literals (not a literal then an added field) keep findings small: one shape each.
  const severity = d.severity ?? rule.meta.severity;
  const message = detached(d.message);
  const finding: Finding = resource
    ? { ruleId: rule.meta.id, severity, title: rule.meta.title, message, practice: rule.meta.practice, location, fingerprint: fp, resource }
    : { ruleId: rule.meta.id, severity, title: rule.meta.title, message, practice: rule.meta.practice, location, fingerprint: fp };
  if (d.properties) finding.properties = d.properties;
  const suppression = inlineSuppression(rule, document, range.startLine);
  if (suppression) finding.suppressed = suppression;
  return finding;
}

function inlineSuppression(rule: Rule<any>, document: ScannedDocument, line: number): Finding['suppressed'] {
  const oi = document.objectIgnores;
  if (oi && oi.ids.some((id) => ruleMatchesId(rule.meta, id))) {
    return { kind: 'annotation', reason: oi.reason, source: oi.source };
  }
  const ignores = document.ignores;
  if (ignores.length === 0) return undefined;
  const objectLine = document.range.startLine;
  const lineText = (n: number) => document.snippet({ startLine: n, startColumn: 1, endLine: n + 1, endColumn: 1 });
  for (const ig of ignores) {
    if (!ig.ids.some((id) => ruleMatchesId(rule.meta, id))) continue;
    if (ignoreCovers(ig, line, objectLine, lineText)) {
      return { kind: 'inline', reason: ig.reason || 'inline comment', source: `${document.path}:${ig.line}` };
    }
  }
  return undefined;
}
