import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { analyzers as allAnalyzers } from './analyzers/index.js';
import { DEFAULT_ANALYZER_SETTINGS, type Analyzer, type AnalyzerSettings } from './analyzers/types.js';
import { ConfigError, CONFIG_FILE_NAMES, findFile, IGNORE_FILE_NAMES, loadConfig, loadIgnoreFile } from './config/load.js';
import type { DrydockConfig, RuleSetting } from './config/types.js';
import { ruleMatchesId } from './engine/rule-index.js';
import { scanFiles, type FileItem } from './engine/scan-files.js';
import { applySuppressions, type IgnoreEntry } from './engine/suppress.js';
import { REPORT_SCHEMA_VERSION, SEVERITIES, type Finding, type ScanError, type ScanResult, type Severity } from './model/index.js';
import { allRules } from './rules/index.js';
import { DEFAULT_RULE_SETTINGS, type InputKind, type Rule, type RuleSettings } from './rules/types.js';
import { DEFAULT_SKIP_DIR_NAMES, walkFilesSync } from './sources/filesystem.js';
import { settingsFrom } from './secrets/settings.js';
import { secretWorkersForLargeTrees } from './secrets/workers.js';
import { availableParallelism } from 'node:os';
import { VERSION } from './version.js';
import { compareIds } from './util/compare.js';

/** What `scan` looks for. */
export type Scanner = 'misconfig' | 'secret' | 'vuln';

const SCANNER_KINDS: Record<Scanner, InputKind[]> = {
  misconfig: ['kubernetes', 'dockerfile', 'compose'],
  secret: ['secrets'],
  vuln: ['packages'],
};

export const DEFAULT_SCANNERS: Scanner[] = ['misconfig', 'secret'];
export const DEFAULT_MAX_FILE_SIZE = 16 * 1024 * 1024;
/** Files scanned on the main thread before secret detection moves to worker threads. */
export const SECRET_WORKER_THRESHOLD = 2000;

export interface ScanOptions {
  /** A directory, a file, or '-' for standard input. */
  target: string;
  /** The text of standard input when target is '-'. */
  stdin?: string;
  /** The name standard input is analysed as (chooses the analyzer); defaults to a YAML manifest. */
  stdinFilename?: string;
  /** drydock.yaml path; undefined: look in the target directory and the working directory; false: none. */
  configFile?: string | false;
  /** .drydockignore.yaml path; undefined: look next to the config; false: none. */
  ignoreFile?: string | false;
  /** Settings that win over the config file (from flags). */
  overrides?: DrydockConfig;
  scanners?: Scanner[];
  /** A previous JSON report: findings whose fingerprint is in it do not fail the gate. */
  baseline?: string;
  /** Only these rules (ids or aliases). */
  only?: string[];
  now?: Date;
  cwd?: string;
  /** Called for each per-file error as it happens. */
  onError?(error: ScanError): void;
  /** Scan the lines each commit added (secrets), through the git CLI, instead of the working tree. */
  gitHistory?: { since?: string };
  /** Vulnerability matching (scanner 'vuln'). */
  vuln?: { cacheDir?: string; ignoreUnfixed?: boolean; vex?: string[] };
  /** Worker threads for secret detection once a tree has more than SECRET_WORKER_THRESHOLD files (default on). */
  secretWorkers?: boolean;
  /** Extra analyzers or rules (library users); default: the built-in ones. */
  analyzers?: readonly Analyzer[];
  rules?: readonly Rule<any>[];
  /** Config already loaded with prepareScan (the CLI loads it first to report config errors early). */
  prepared?: PreparedScan;
}

export interface PreparedScan {
  config: DrydockConfig;
  configPath?: string;
  ignoreEntries: IgnoreEntry[];
  rules: Rule<any>[];
  ruleSettings: RuleSettings;
  analyzerSettings: AnalyzerSettings;
  severities?: Severity[];
}

/** Loads config and ignore files and works out the rule set: shared by every command that reports findings. */
export function prepareScan(options: Omit<ScanOptions, 'target'> & { target?: string }): PreparedScan {
  const cwd = options.cwd ?? process.cwd();
  const targetDir = options.target && options.target !== '-' ? dirOf(path.resolve(cwd, options.target)) : cwd;
  let configPath: string | undefined;
  let config: DrydockConfig = {};
  if (options.configFile !== false) {
    configPath = options.configFile ? path.resolve(cwd, options.configFile) : findFile(CONFIG_FILE_NAMES, unique([targetDir, cwd]));
    if (configPath) config = loadConfig(configPath);
  }
  config = mergeConfig(config, options.overrides ?? {});
  let ignoreEntries: IgnoreEntry[] = [];
  if (options.ignoreFile !== false) {
    const ignorePath = options.ignoreFile
      ? path.resolve(cwd, options.ignoreFile)
      : findFile(IGNORE_FILE_NAMES, unique([targetDir, ...(configPath ? [path.dirname(configPath)] : []), cwd]));
    if (ignorePath) ignoreEntries = loadIgnoreFile(ignorePath);
  }
  const rules = selectRules(options.rules ?? allRules, config.rules ?? {}, options.only);
  const ruleSettings: RuleSettings = { ...DEFAULT_RULE_SETTINGS, ...(config.settings ?? {}) } as RuleSettings;
  const analyzerSettings: AnalyzerSettings = {
    ...DEFAULT_ANALYZER_SETTINGS,
    composeFiles: config.composeFiles ?? [],
    ...(config.secrets ? { secrets: config.secrets } : {}),
  };
  return { config, ...(configPath ? { configPath } : {}), ignoreEntries, rules, ruleSettings, analyzerSettings, ...(config.severity ? { severities: config.severity } : {}) };
}

/** Scans a directory, a file or standard input, and returns the report the CLI prints. */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const cwd = options.cwd ?? process.cwd();
  const prepared = options.prepared ?? prepareScan(options);
  const { config } = prepared;
  const scanners = options.scanners ?? DEFAULT_SCANNERS;
  const kinds = new Set(scanners.flatMap((s) => SCANNER_KINDS[s]));
  const analyzers = (options.analyzers ?? allAnalyzers).filter((a) => kinds.has(a.kind));

  let items: AsyncIterable<FileItem> | Iterable<FileItem>;
  let analyzersUsed = analyzers;
  if (options.gitHistory) {
    if (options.target === '-') throw new ConfigError('--git-history needs a repository directory, not standard input');
    // Loaded on use, like the vulnerability scanner below: most scans need neither.
    const { gitHistoryFiles } = await import('./sources/git-history.js');
    items = gitHistoryFiles(path.resolve(cwd, options.target), options.gitHistory.since ? { since: options.gitHistory.since } : {});
    // History holds the lines each commit added: only the secret detectors read them.
    analyzersUsed = analyzers.filter((a) => a.kind === 'secrets');
  } else if (options.target === '-') {
    const name = options.stdinFilename ?? 'stdin.yaml';
    items = [{ type: 'file', file: { path: name, bytes: new TextEncoder().encode(options.stdin ?? '') } }];
  } else {
    items = walkFilesSync(
      path.resolve(cwd, options.target),
      {
        skipDirNames: DEFAULT_SKIP_DIR_NAMES,
        skipDirs: config.skipDirs ?? [],
        skipFiles: config.skipFiles ?? [],
        maxFileSize: config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
        wants: (rel) => analyzers.some((a) => a.claims(rel, prepared.analyzerSettings)),
      },
      options.target,
    );
  }

  // Secret detection is the heaviest per-byte work: a large tree shares it with worker threads.
  if (options.secretWorkers !== false && !options.gitHistory && options.target !== '-' && analyzersUsed.some((a) => a.kind === 'secrets') && availableParallelism() > 1) {
    items = secretWorkersForLargeTrees(items, {
      threshold: SECRET_WORKER_THRESHOLD,
      threads: Math.max(1, availableParallelism() - 1),
      settings: settingsFrom(prepared.analyzerSettings.secrets),
    });
  }

  const out = await scanFiles(items, {
    analyzers: analyzersUsed,
    rules: prepared.rules,
    ruleSettings: prepared.ruleSettings,
    analyzerSettings: prepared.analyzerSettings,
    ...(options.onError ? { onError: options.onError } : {}),
  });

  if (scanners.includes('vuln')) {
    const { scanVulnerabilities } = await import('./vuln/scan.js');
    // Throws NoVulnerabilityDatabaseError without a database: never a silent "no vulnerabilities".
    out.findings.push(
      ...scanVulnerabilities(out.packages, {
        ...(options.vuln?.cacheDir ? { cacheDir: options.vuln.cacheDir } : {}),
        ...(options.vuln?.ignoreUnfixed ? { ignoreUnfixed: true } : {}),
        ...(options.vuln?.vex?.length ? { vex: options.vuln.vex.map((v) => path.resolve(cwd, v)) } : {}),
        notes: out.notes,
        ...(options.now ? { now: options.now } : {}),
      }),
    );
  }

  const result = finishResult({
    target: options.target === '-' ? '<stdin>' : options.target,
    startedAt,
    started,
    findings: out.findings,
    errors: out.errors,
    notes: out.notes,
    filesScanned: out.filesScanned,
    documentsScanned: out.documentsScanned,
    prepared,
    ...(options.baseline ? { baseline: options.baseline } : {}),
    ...(options.now ? { now: options.now } : {}),
    cwd,
  });
  if (scanners.includes('vuln')) result.packages = out.packages;
  return result;
}

export interface FinishInput {
  target: string;
  startedAt: string;
  started: number;
  findings: Finding[];
  errors: ScanError[];
  notes: ScanResult['notes'];
  filesScanned: number;
  documentsScanned: number;
  prepared: PreparedScan;
  baseline?: string;
  now?: Date;
  cwd?: string;
}

/** Suppression, severity filter, ordering and statistics: the same for every kind of scan. */
export function finishResult(input: FinishInput): ScanResult {
  const { prepared } = input;
  const notes = [...input.notes];
  const baseline = input.baseline ? readBaseline(path.resolve(input.cwd ?? process.cwd(), input.baseline)) : undefined;
  const byId = new Map(prepared.rules.map((r) => [r.meta.id, r.meta] as const));
  notes.push(
    ...applySuppressions(input.findings, {
      entries: prepared.ignoreEntries,
      ...(baseline ? { baseline } : {}),
      now: input.now ?? new Date(),
      ruleMeta: (id) => byId.get(id),
      target: input.target,
    }),
  );
  let findings = input.findings;
  if (prepared.severities) {
    const keep = new Set(prepared.severities);
    findings = findings.filter((f) => keep.has(f.severity));
  }
  // Rule ids repeat: each distinct one is ranked once, and findings compare by rank.
  const idRank = new Map<string, number>();
  for (const f of findings) idRank.set(f.ruleId, 0);
  [...idRank.keys()].sort(compareIds).forEach((id, i) => idRank.set(id, i));
  findings.sort(
    (a, b) =>
      (a.location.path < b.location.path ? -1 : a.location.path > b.location.path ? 1 : 0) ||
      a.location.startLine - b.location.startLine ||
      a.location.startColumn - b.location.startColumn ||
      idRank.get(a.ruleId)! - idRank.get(b.ruleId)!,
  );
  const open = findings.filter((f) => !f.suppressed);
  const findingsBySeverity: Record<string, number> = {};
  for (const s of SEVERITIES) findingsBySeverity[s] = open.filter((f) => f.severity === s).length;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'drydock', version: VERSION },
    target: input.target,
    startedAt: input.startedAt,
    findings,
    errors: input.errors,
    notes,
    stats: {
      filesScanned: input.filesScanned,
      documentsScanned: input.documentsScanned,
      durationMs: Date.now() - input.started,
      findingsBySeverity,
      suppressed: findings.length - open.length,
    },
  };
}

function readBaseline(file: string): Set<string> {
  let report: unknown;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`baseline ${file}: cannot read a JSON report: ${(err as Error).message}`);
  }
  const list = (report as { findings?: unknown }).findings;
  if (!Array.isArray(list)) throw new ConfigError(`baseline ${file}: not a drydock JSON report (no findings array)`);
  return new Set(list.map((f) => (f as { fingerprint?: unknown }).fingerprint).filter((x): x is string => typeof x === 'string'));
}

/** Applies drydock.yaml `rules:` switches and severity overrides, and `--rules` selection. */
export function selectRules(rules: readonly Rule<any>[], settings: Record<string, RuleSetting>, only?: string[]): Rule<any>[] {
  const entries = Object.entries(settings);
  const out: Rule<any>[] = [];
  for (const rule of rules) {
    if (only && only.length > 0 && !only.some((id) => ruleMatchesId(rule.meta, id))) continue;
    const setting = entries.find(([id]) => ruleMatchesId(rule.meta, id))?.[1];
    let enabled = !rule.meta.optIn;
    let severity: Severity | undefined;
    if (setting === 'off') enabled = false;
    else if (typeof setting === 'string') {
      severity = setting;
      enabled = true;
    } else if (setting && typeof setting === 'object') {
      if (setting.enabled !== undefined) enabled = setting.enabled;
      else enabled = true;
      severity = setting.severity;
    }
    if (!enabled) continue;
    out.push(severity && severity !== rule.meta.severity ? { ...rule, meta: { ...rule.meta, severity } } : rule);
  }
  return out;
}

function mergeConfig(base: DrydockConfig, over: DrydockConfig): DrydockConfig {
  const merged: DrydockConfig = { ...base };
  for (const [k, v] of Object.entries(over) as [keyof DrydockConfig, unknown][]) {
    if (v === undefined) continue;
    if (k === 'skipDirs' || k === 'skipFiles' || k === 'composeFiles') {
      (merged as Record<string, unknown>)[k] = [...((base[k] as string[] | undefined) ?? []), ...(v as string[])];
    } else if (k === 'settings' || k === 'rules' || k === 'secrets') {
      (merged as Record<string, unknown>)[k] = { ...((base[k] as object | undefined) ?? {}), ...(v as object) };
    } else {
      (merged as Record<string, unknown>)[k] = v;
    }
  }
  return merged;
}

function dirOf(p: string): string {
  try {
    return statSync(p).isDirectory() ? p : path.dirname(p);
  } catch {
    return path.dirname(p);
  }
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
