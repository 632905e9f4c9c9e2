import type { Analyzer, AnalyzerSettings, VirtualFile } from '../analyzers/types.js';
import type { Finding, Package, ScanError, ScanNote } from '../model/index.js';
import type { Rule, RuleSettings } from '../rules/types.js';
import { runRules } from './run.js';

export type FileItem =
  | { type: 'file'; file: VirtualFile }
  | { type: 'error'; error: ScanError }
  | { type: 'note'; note: ScanNote };

export interface FileScanOptions {
  analyzers: readonly Analyzer[];
  rules: readonly Rule<any>[];
  ruleSettings: RuleSettings;
  analyzerSettings: AnalyzerSettings;
  /** Called for every per-file error as it happens (the CLI prints them on stderr). */
  onError?(error: ScanError): void;
}

export interface FileScanOutput {
  findings: Finding[];
  errors: ScanError[];
  notes: ScanNote[];
  packages: Package[];
  filesScanned: number;
  documentsScanned: number;
}

/**
 * Offers each file to every analyzer that claims it and runs the rules of that kind over the
 * documents it yields. One bad file becomes an error entry; the scan goes on.
 */
export async function scanFiles(items: AsyncIterable<FileItem> | Iterable<FileItem>, options: FileScanOptions): Promise<FileScanOutput> {
  const out: FileScanOutput = { findings: [], errors: [], notes: [], packages: [], filesScanned: 0, documentsScanned: 0 };
  const byKind = new Map<string, Rule<any>[]>();
  for (const a of options.analyzers) byKind.set(a.kind, options.rules.filter((r) => r.meta.appliesTo.includes(a.kind)));
  const fail = (error: ScanError) => {
    out.errors.push(error);
    options.onError?.(error);
  };
  const ready = new Set<Analyzer>();
  for await (const item of items) {
    if (item.type === 'error') {
      fail(item.error);
      continue;
    }
    if (item.type === 'note') {
      out.notes.push(item.note);
      continue;
    }
    const file = item.file;
    let claimed = false;
    // Several analyzers may reject the same bytes for the same reason (binary, encoding): say it once.
    const said = new Set<string>();
    for (const analyzer of options.analyzers) {
      if (!analyzer.claims(file.path, options.analyzerSettings)) continue;
      claimed = true;
      try {
        if (analyzer.prepare && !ready.has(analyzer)) {
          await analyzer.prepare();
          ready.add(analyzer);
        }
        const result = analyzer.analyze(file, options.analyzerSettings);
        for (const e of result.errors) {
          const key = `${e.code}\0${e.message}`;
          if (said.has(key)) continue;
          said.add(key);
          fail({ path: file.path, message: e.message, code: e.code });
        }
        if (result.notes) out.notes.push(...result.notes);
        if (result.packages) out.packages.push(...result.packages);
        const rules = byKind.get(analyzer.kind) ?? [];
        for (const doc of result.documents) {
          out.documentsScanned++;
          try {
            out.findings.push(...runRules(doc, rules, { settings: options.ruleSettings }));
          } catch (err) {
            fail({ path: file.path, message: `rule failure on ${doc.resource?.kind ?? 'document'} ${doc.resource?.name ?? ''}: ${describe(err)}`, code: 'rule-error' });
          }
        }
      } catch (err) {
        fail({ path: file.path, message: `${analyzer.kind} analysis failed: ${describe(err)}`, code: 'analyzer-error' });
      }
    }
    if (claimed) out.filesScanned++;
  }
  return out;
}

function describe(err: unknown): string {
  if (err instanceof RangeError) return 'input too deeply nested';
  return err instanceof Error ? err.message : String(err);
}
