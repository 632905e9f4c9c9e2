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
 * documents it yields. One bad file becomes an error entry; the scan goes on. A synchronous source
 * (the file-system walk) is consumed in a plain loop; the loop leaves only to await an analyzer's
 * one-time preparation.
 */
export async function scanFiles(items: AsyncIterable<FileItem> | Iterable<FileItem>, options: FileScanOptions): Promise<FileScanOutput> {
  const scan = new FileScan(options);
  if (Symbol.iterator in items) {
    const it = items[Symbol.iterator]();
    for (;;) {
      const waiting = scan.drain(it);
      if (!waiting) break;
      await scan.prepareFor(waiting);
      scan.take(waiting);
    }
  } else {
    for await (const item of items) {
      await scan.prepareFor(item);
      scan.take(item);
    }
  }
  return scan.out;
}

class FileScan {
  readonly out: FileScanOutput = { findings: [], errors: [], notes: [], packages: [], filesScanned: 0, documentsScanned: 0 };
  private readonly byKind = new Map<string, Rule<any>[]>();
  private readonly ready = new Set<Analyzer>();
  /** A preparation that failed, reported with the file that needed it. */
  private readonly unready = new Map<Analyzer, unknown>();

  constructor(private readonly options: FileScanOptions) {
    for (const a of options.analyzers) this.byKind.set(a.kind, options.rules.filter((r) => r.meta.appliesTo.includes(a.kind)));
  }

  /** Takes items until the source ends (undefined) or one needs an analyzer prepared first (that item). */
  drain(it: Iterator<FileItem>): FileItem | undefined {
    for (;;) {
      const r = it.next();
      if (r.done) return undefined;
      if (this.unprepared(r.value)) return r.value;
      this.take(r.value);
    }
  }

  private unprepared(item: FileItem): boolean {
    if (item.type !== 'file') return false;
    for (const analyzer of this.options.analyzers) {
      if (analyzer.prepare && !this.ready.has(analyzer) && analyzer.claims(item.file.path, this.options.analyzerSettings)) return true;
    }
    return false;
  }

  async prepareFor(item: FileItem): Promise<void> {
    if (item.type !== 'file') return;
    for (const analyzer of this.options.analyzers) {
      if (!analyzer.prepare || this.ready.has(analyzer) || !analyzer.claims(item.file.path, this.options.analyzerSettings)) continue;
      try {
        await analyzer.prepare();
        this.ready.add(analyzer);
      } catch (err) {
        this.unready.set(analyzer, err);
      }
    }
  }

  private fail(error: ScanError): void {
    this.out.errors.push(error);
    this.options.onError?.(error);
  }

  take(item: FileItem): void {
    if (item.type === 'error') {
      this.fail(item.error);
      return;
    }
    if (item.type === 'note') {
      this.out.notes.push(item.note);
      return;
    }
    const { options, out } = this;
    const file = item.file;
    let claimed = false;
    // Several analyzers may reject the same bytes for the same reason (binary, encoding): say it once.
    let said: Set<string> | undefined;
    for (const analyzer of options.analyzers) {
      if (!analyzer.claims(file.path, options.analyzerSettings)) continue;
      claimed = true;
      if (this.unready.has(analyzer)) {
        this.fail({ path: file.path, message: `${analyzer.kind} analysis failed: ${describe(this.unready.get(analyzer))}`, code: 'analyzer-error' });
        this.unready.delete(analyzer);
        continue;
      }
      try {
        const result = analyzer.analyze(file, options.analyzerSettings);
        for (const e of result.errors) {
          const key = `${e.code}\0${e.message}`;
          said ??= new Set();
          if (said.has(key)) continue;
          said.add(key);
          this.fail({ path: file.path, message: e.message, code: e.code });
        }
        if (result.notes) out.notes.push(...result.notes);
        if (result.packages) out.packages.push(...result.packages);
        const rules = this.byKind.get(analyzer.kind) ?? [];
        for (const doc of result.documents) {
          out.documentsScanned++;
          try {
            const found = runRules(doc, rules, { settings: options.ruleSettings });
            for (let i = 0; i < found.length; i++) out.findings.push(found[i]!);
          } catch (err) {
            this.fail({ path: file.path, message: `rule failure on ${doc.resource?.kind ?? 'document'} ${doc.resource?.name ?? ''}: ${describe(err)}`, code: 'rule-error' });
          }
        }
      } catch (err) {
        this.fail({ path: file.path, message: `${analyzer.kind} analysis failed: ${describe(err)}`, code: 'analyzer-error' });
      }
    }
    if (claimed) out.filesScanned++;
  }
}

function describe(err: unknown): string {
  if (err instanceof RangeError) return 'input too deeply nested';
  return err instanceof Error ? err.message : String(err);
}
