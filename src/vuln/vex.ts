import type { Finding } from '../model/index.js';

/**
 * OpenVEX (https://github.com/openvex/spec) statements suppress vulnerability findings:
 * `not_affected` and `fixed` suppress, `affected` and `under_investigation` do not. The latest
 * statement (by timestamp, else document order) for a vulnerability and product wins.
 */
export interface VexStatement {
  vulnerability: string | { name?: string; '@id'?: string; aliases?: string[] };
  products?: (string | { '@id'?: string; identifiers?: { purl?: string }; subcomponents?: (string | { '@id'?: string; identifiers?: { purl?: string } })[] })[];
  status: 'not_affected' | 'affected' | 'fixed' | 'under_investigation' | string;
  justification?: string;
  impact_statement?: string;
  status_notes?: string;
  timestamp?: string;
}

export interface VexDocument {
  '@context'?: string;
  '@id'?: string;
  author?: string;
  timestamp?: string;
  statements: VexStatement[];
  /** Where the document was read from, for the report. */
  source?: string;
}

export class VexError extends Error {}

/** Validates the shape of a parsed OpenVEX document. */
export function parseVex(raw: unknown, source?: string): VexDocument {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new VexError(`${source ?? 'VEX'}: not a JSON object`);
  const doc = raw as Record<string, unknown>;
  const ctx = doc['@context'];
  if (typeof ctx === 'string' && !ctx.includes('openvex')) throw new VexError(`${source ?? 'VEX'}: @context ${ctx} is not OpenVEX`);
  if (!Array.isArray(doc.statements)) throw new VexError(`${source ?? 'VEX'}: "statements" is missing`);
  for (const [i, s] of (doc.statements as unknown[]).entries()) {
    const st = s as Record<string, unknown>;
    if (!st || typeof st !== 'object' || typeof st.status !== 'string' || st.vulnerability === undefined) {
      throw new VexError(`${source ?? 'VEX'}: statement ${i} needs "vulnerability" and "status"`);
    }
  }
  return { ...(doc as unknown as VexDocument), ...(source ? { source } : {}) };
}

function vulnIds(v: VexStatement['vulnerability']): string[] {
  if (typeof v === 'string') return [v];
  return [v.name, v['@id'], ...(v.aliases ?? [])].filter((x): x is string => typeof x === 'string' && x !== '');
}

/** A purl without qualifiers and subpath, and optionally without version, for comparison. */
function purlBase(p: string, keepVersion: boolean): string {
  let s = p.split('#')[0]!.split('?')[0]!;
  if (!keepVersion) {
    const at = s.lastIndexOf('@');
    if (at > s.indexOf('/')) s = s.slice(0, at);
  }
  return decodeURIComponent(s).toLowerCase();
}

function purlMatches(statementPurl: string, findingPurl: string): boolean {
  if (!statementPurl.startsWith('pkg:')) return false;
  // A statement product without a version covers every version.
  const hasVersion = purlBase(statementPurl, true) !== purlBase(statementPurl, false);
  return purlBase(statementPurl, hasVersion) === purlBase(findingPurl, hasVersion);
}

function productIds(p: NonNullable<VexStatement['products']>[number]): { id: string[]; subs: string[] } {
  if (typeof p === 'string') return { id: [p], subs: [] };
  const id = [p['@id'], p.identifiers?.purl].filter((x): x is string => !!x);
  const subs: string[] = [];
  for (const s of p.subcomponents ?? []) {
    if (typeof s === 'string') subs.push(s);
    else subs.push(...[s['@id'], s.identifiers?.purl].filter((x): x is string => !!x));
  }
  return { id, subs };
}

/** Does the statement speak about this finding's package? */
function applies(st: VexStatement, purl: string | undefined): boolean {
  if (!st.products || st.products.length === 0) return true;
  for (const p of st.products) {
    const { id, subs } = productIds(p);
    if (purl && (id.some((x) => purlMatches(x, purl)) || subs.some((x) => purlMatches(x, purl)))) return true;
    // A product that is the scanned artifact itself (an image, not a package) with no subcomponents
    // covers every package in it.
    if (subs.length === 0 && id.some((x) => !x.startsWith('pkg:') || x.startsWith('pkg:oci/') || x.startsWith('pkg:docker/'))) return true;
  }
  return false;
}

/** Marks vulnerability findings suppressed by `not_affected` or `fixed` statements. */
export function applyVex(findings: Finding[], docs: VexDocument[]): Finding[] {
  const statements: { st: VexStatement; doc: VexDocument; order: number; ts: string }[] = [];
  let order = 0;
  for (const doc of docs) for (const st of doc.statements) statements.push({ st, doc, order: order++, ts: st.timestamp ?? doc.timestamp ?? '' });
  statements.sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : a.order - b.order));
  for (const f of findings) {
    if (f.suppressed) continue;
    const ids = Array.isArray(f.properties?.ids) ? (f.properties!.ids as string[]) : [f.ruleId];
    const upper = new Set(ids.map((x) => x.toUpperCase()));
    const purl = typeof f.properties?.purl === 'string' ? f.properties.purl : undefined;
    let last: (typeof statements)[number] | undefined;
    for (const s of statements) {
      if (!vulnIds(s.st.vulnerability).some((x) => upper.has(x.toUpperCase()))) continue;
      if (!applies(s.st, purl)) continue;
      last = s;
    }
    if (!last || (last.st.status !== 'not_affected' && last.st.status !== 'fixed')) continue;
    const why = [last.st.status, last.st.justification, last.st.impact_statement ?? last.st.status_notes].filter(Boolean).join(': ');
    f.suppressed = { kind: 'vex', reason: `VEX ${why}`, ...(last.doc.source ? { source: last.doc.source } : {}) };
  }
  return findings;
}
