import { availableParallelism } from 'node:os';
import { closeSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MalformedRecordError, normalizeRecord, prepareRecord, type PreparedRecord } from '../osv.js';
import type { DatabaseBuilder } from './store.js';
import { DEFAULT_ZIP_LIMITS, ZipError, ZipReader, type ZipLimits } from './zip.js';

export interface ImportStats {
  records: number;
  skipped: number;
  withdrawn: number;
  duplicates: number;
  /** The first few reasons records were skipped. */
  problems: string[];
}

export interface ParseResult {
  records: PreparedRecord[];
  /** The records flattened for transfer between threads: id, 8 columns, n, then n × (ecosystem, name, data). */
  flat?: (string | number | null)[];
  skipped: number;
  withdrawn: number;
  problems: string[];
}

const MAX_PROBLEMS = 20;
const MAX_FILE = 64 * 1024 * 1024;
const MAX_FILES = 2_000_000;
/** Below this many files, parsing on the main thread is faster than starting workers. */
const PARALLEL_MIN = 4000;
const BATCH = 500;

export function emptyStats(): ImportStats {
  return { records: 0, skipped: 0, withdrawn: 0, duplicates: 0, problems: [] };
}

/** Parses one JSON document into prepared records; malformed ones are counted, not thrown. */
export function parseDocument(bytes: Buffer, name: string, out: ParseResult): void {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    skip(out, `${name}: invalid JSON (${(e as Error).message})`);
    return;
  }
  // Some mirrors ship arrays of records in one file.
  const items = Array.isArray(raw) ? raw : [raw];
  for (const item of items) {
    try {
      const rec = normalizeRecord(item);
      if (!rec) out.withdrawn++;
      else out.records.push(prepareRecord(rec));
    } catch (e) {
      if (e instanceof MalformedRecordError) skip(out, `${name}: ${e.message}`);
      else throw e;
    }
  }
}

/** The file's bytes, or its size when it is over the limit (checked on the open descriptor). */
function readBounded(path: string): Buffer | number {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_FILE) return size;
    const buf = Buffer.allocUnsafe(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, buf, off, size - off, off);
      if (n <= 0) break;
      off += n;
    }
    return off === size ? buf : buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

function skip(out: { skipped: number; problems: string[] }, why: string): void {
  out.skipped++;
  if (out.problems.length < MAX_PROBLEMS) out.problems.push(why);
}

/** Work units: files of a directory, or a range of entries of a ZIP archive. */
export type ImportTask = { kind: 'files'; paths: string[] } | { kind: 'zip'; path: string; limits: ZipLimits; from: number; to: number };

export function runTask(task: ImportTask, zipCache?: { zip?: ZipReader }): ParseResult {
  const out: ParseResult = { records: [], skipped: 0, withdrawn: 0, problems: [] };
  if (task.kind === 'files') {
    for (const p of task.paths) {
      const bytes = readBounded(p);
      if (typeof bytes === 'number') skip(out, `${p}: ${bytes} bytes is over the ${MAX_FILE}-byte limit`);
      else parseDocument(bytes, p, out);
    }
    return out;
  }
  let zip = zipCache?.zip;
  if (!zip || zip.path !== task.path) {
    zip?.close();
    zip = new ZipReader(task.path, task.limits);
    if (zipCache) zipCache.zip = zip;
  }
  const entries = jsonEntries(zip);
  for (let i = task.from; i < task.to && i < entries.length; i++) parseDocument(zip.readEntry(entries[i]!), entries[i]!.name, out);
  if (!zipCache) zip.close();
  return out;
}

const jsonEntryCache = new WeakMap<ZipReader, ZipReader['entries']>();
function jsonEntries(zip: ZipReader): ZipReader['entries'] {
  let list = jsonEntryCache.get(zip);
  if (!list) jsonEntryCache.set(zip, (list = zip.entries.filter((e) => !e.isDirectory && e.name.endsWith('.json'))));
  return list;
}

/** Flattens records: one array of primitives clones between threads far faster than objects. */
export function flatten(r: ParseResult): ParseResult {
  const flat: (string | number | null)[] = [];
  for (const rec of r.records) {
    flat.push(rec.id, ...rec.cols, rec.affected.length);
    for (const a of rec.affected) flat.push(a[0], a[1], a[2]);
  }
  return { records: [], flat, skipped: r.skipped, withdrawn: r.withdrawn, problems: r.problems };
}

function* unflatten(flat: (string | number | null)[]): Generator<PreparedRecord> {
  let i = 0;
  while (i < flat.length) {
    const id = flat[i++] as string;
    const cols = flat.slice(i, i + 8) as (string | null)[];
    i += 8;
    const n = flat[i++] as number;
    const affected: PreparedRecord['affected'] = [];
    for (let k = 0; k < n; k++, i += 3) affected.push([flat[i] as string, flat[i + 1] as string, flat[i + 2] as string]);
    yield { id, cols, affected };
  }
}

function absorb(builder: DatabaseBuilder, source: string, r: ParseResult, stats: ImportStats): void {
  for (const rec of r.flat ? unflatten(r.flat) : r.records) {
    if (builder.add(rec, source)) stats.records++;
    else stats.duplicates++;
  }
  stats.skipped += r.skipped;
  stats.withdrawn += r.withdrawn;
  for (const p of r.problems) if (stats.problems.length < MAX_PROBLEMS) stats.problems.push(p);
}

function workerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

function startWorker(): Worker {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return new Worker(join(dirname(here), 'import-worker.js'));
  // Running from source (tests, benchmarks): load the TypeScript worker through tsx's loader.
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const url = pathToFileURL(join(dirname(here), 'import-worker.ts')).href;
  return new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url)}); });`, { eval: true });
}

/**
 * Runs tasks on worker threads and hands results to `absorb` strictly in task order, so the
 * first of two records with one id wins as it would on one thread.
 */
async function runParallel(tasks: ImportTask[], each: (r: ParseResult) => void): Promise<void> {
  const n = Math.min(workerCount(), tasks.length);
  const results = new Map<number, ParseResult>();
  let next = 0;
  let done = 0;
  let failure: Error | undefined;
  const workers: Worker[] = [];
  await new Promise<void>((resolve, reject) => {
    const flush = () => {
      while (results.has(done)) {
        const r = results.get(done)!;
        results.delete(done);
        try {
          each(r);
        } catch (e) {
          fail(e as Error);
          return;
        }
        done++;
      }
      if (done === tasks.length) resolve();
    };
    const fail = (e: Error) => {
      if (failure) return;
      failure = e;
      reject(e);
    };
    const feed = (w: Worker) => {
      if (failure || next >= tasks.length) return;
      const seq = next++;
      w.postMessage({ seq, task: tasks[seq] });
    };
    for (let i = 0; i < n; i++) {
      const w = startWorker();
      workers.push(w);
      w.on('message', (m: { seq: number; result?: ParseResult; error?: { message: string; zip?: ZipError['code'] } }) => {
        if (m.error) {
          fail(m.error.zip ? new ZipError(m.error.message, m.error.zip) : new Error(m.error.message));
          return;
        }
        results.set(m.seq, m.result!);
        feed(w);
        flush();
      });
      w.on('error', (e) => fail(e));
      feed(w);
    }
  }).finally(async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  });
}

export interface ImportRunOptions {
  limits?: ZipLimits;
  /** Parse on worker threads when the input is large (default true). */
  parallel?: boolean;
}

/**
 * Imports every `.json` entry of an OSV ZIP archive. Archive-level damage (structure, CRC, unsafe
 * names, sizes) throws a ZipError and the caller abandons the new database; bad records are skipped.
 */
export async function importZip(builder: DatabaseBuilder, path: string, source: string, opts: ImportRunOptions = {}): Promise<ImportStats> {
  const limits = opts.limits ?? DEFAULT_ZIP_LIMITS;
  const stats = emptyStats();
  // Opening checks the whole central directory before any record is read.
  const zip = new ZipReader(path, limits);
  const count = jsonEntries(zip).length;
  if (count < PARALLEL_MIN || opts.parallel === false) {
    try {
      absorb(builder, source, runTask({ kind: 'zip', path, limits, from: 0, to: count }, { zip }), stats);
    } finally {
      zip.close();
    }
    return stats;
  }
  zip.close();
  const tasks: ImportTask[] = [];
  for (let i = 0; i < count; i += BATCH) tasks.push({ kind: 'zip', path, limits, from: i, to: Math.min(count, i + BATCH) });
  await runParallel(tasks, (r) => absorb(builder, source, r, stats));
  return stats;
}

/** Imports every `.json` file below `dir`, without following symbolic links. */
export async function importDirectory(builder: DatabaseBuilder, dir: string, source: string, opts: ImportRunOptions = {}): Promise<ImportStats> {
  const paths: string[] = [];
  const walk = (d: string, depth: number) => {
    if (depth > 32) return;
    for (const ent of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(d, ent.name);
      if (ent.isSymbolicLink()) continue;
      if (ent.isDirectory()) walk(p, depth + 1);
      else if (ent.isFile() && ent.name.endsWith('.json')) {
        if (paths.length >= MAX_FILES) throw new Error(`more than ${MAX_FILES} files under ${dir}`);
        paths.push(p);
      }
    }
  };
  walk(dir, 0);
  const stats = emptyStats();
  if (paths.length < PARALLEL_MIN || opts.parallel === false) {
    absorb(builder, source, runTask({ kind: 'files', paths }), stats);
    return stats;
  }
  const tasks: ImportTask[] = [];
  for (let i = 0; i < paths.length; i += BATCH) tasks.push({ kind: 'files', paths: paths.slice(i, i + BATCH) });
  await runParallel(tasks, (r) => absorb(builder, source, r, stats));
  return stats;
}

export function addStats(a: ImportStats, b: ImportStats): ImportStats {
  return {
    records: a.records + b.records,
    skipped: a.skipped + b.skipped,
    withdrawn: a.withdrawn + b.withdrawn,
    duplicates: a.duplicates + b.duplicates,
    problems: [...a.problems, ...b.problems].slice(0, MAX_PROBLEMS),
  };
}
