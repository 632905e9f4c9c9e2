import { podSpecOf, type KubeDocument } from '../parsers/kubernetes/index.js';
import { evaluatePod, formatPssVersion } from './evaluate.js';
import type { PssLevel } from './types.js';
import type { NamespacePolicy } from './workload.js';

/** One workload's verdict, as `drydock pss --format json` prints it. */
export interface PssWorkloadResult {
  path: string;
  kind: string;
  namespace: string | null;
  name: string;
  allowed: boolean;
  violations: Array<{ control: string; message: string }>;
}

/** The verdict plus what it was judged at (for the table; not part of the JSON form). */
export interface PssJudgement {
  result: PssWorkloadResult;
  level: PssLevel | 'privileged';
  version: number | 'latest';
  /** Where the policy came from: the command line or a Namespace's labels. */
  source: 'flag' | 'namespace';
}

export interface PssDefaultPolicy {
  level: PssLevel;
  version: number | 'latest';
}

/**
 * Judges every workload among `docs`: at its Namespace's enforce level and version when one of the
 * scanned Namespace objects carries the labels, otherwise at the default policy.
 */
export function judgeDocuments(docs: readonly KubeDocument[], defaults: PssDefaultPolicy, namespaces: ReadonlyMap<string, NamespacePolicy>): PssJudgement[] {
  const out: PssJudgement[] = [];
  for (const doc of docs) {
    const pod = podSpecOf(doc);
    if (!pod) continue;
    const ns = doc.namespace !== undefined ? namespaces.get(doc.namespace) : undefined;
    const level = ns ? ns.level : defaults.level;
    const version = ns ? ns.version : defaults.version;
    const base = { path: doc.path, kind: doc.objectKind, namespace: doc.namespace ?? null, name: doc.name };
    if (level === 'privileged') {
      out.push({ result: { ...base, allowed: true, violations: [] }, level, version, source: 'namespace' });
      continue;
    }
    const verdict = evaluatePod({ spec: pod.spec, metadata: pod.metadata }, { level, version });
    out.push({
      result: { ...base, allowed: verdict.allowed, violations: verdict.violations.map((v) => ({ control: v.control, message: v.message })) },
      level,
      version,
      source: ns ? 'namespace' : 'flag',
    });
  }
  return out;
}

export function renderPssJson(judgements: readonly PssJudgement[]): string {
  return `${JSON.stringify({ results: judgements.map((j) => j.result) }, null, 2)}\n`;
}

/** A plain-text report: one block per workload, then a summary line. */
export function renderPssTable(judgements: readonly PssJudgement[]): string {
  const lines: string[] = [];
  for (const j of judgements) {
    const r = j.result;
    const object = `${r.kind}/${r.namespace ? `${r.namespace}/` : ''}${r.name || '(unnamed)'}`;
    const policy = `${j.level}:${formatPssVersion(j.version)}${j.source === 'namespace' ? ' from namespace labels' : ''}`;
    lines.push(`${r.allowed ? 'ALLOWED' : 'DENIED '}  ${r.path}  ${object}  (${policy})`);
    for (const v of r.violations) lines.push(`         - ${v.control}: ${v.message}`);
  }
  const denied = judgements.filter((j) => !j.result.allowed).length;
  lines.push(`${judgements.length} workload${judgements.length === 1 ? '' : 's'}: ${judgements.length - denied} allowed, ${denied} denied`);
  return `${lines.join('\n')}\n`;
}
