import { availableParallelism } from 'node:os';
import { createHash } from 'node:crypto';
import { closeSync, constants as fsConstants, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { MalformedRecordError, reduceRecord, type PreparedRecord } from '../osv.js';
import { packageRoot } from '../../util/package-root.js';
import { discardShards, holdShard, memoryShardPrefix, shardName, ShardWriter, type DatabaseBuilder, type ShardSegment } from './store.js';
import { DEFAULT_ZIP_LIMITS, ZipError, ZipReader, type ZipLimits } from './zip.js';

export interface ImportStats {
  records: number;
  skipped: number;
  withdrawn: number;
  duplicates: number;
  /** The first few reasons records were skipped. */
  problems: string[];
}

/** What a worker reports for one task: the records it wrote to its shard, in order. */
export interface ShardTaskResult {
  /** The records' ids; they are shard rows `rid0`, `rid0 + 1`, … */
  ids: string[];
  /** How many affected rows each record has. */
  affCounts: number[];
  rid0: number;
  /** Shard rowids of their affected rows (inclusive; affHi < affLo when there are none). */
  affLo: number;
  affHi: number;
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
export function parseDocument(bytes: Buffer | string, name: string, out: Counts, sink: (rec: PreparedRecord) => void): void {
  let raw: unknown;
  try {
    raw = JSON.parse(typeof bytes === 'string' ? bytes : bytes.toString('utf8'));
  } catch (e) {
    skip(out, `${name}: invalid JSON (${(e as Error).message})`);
    return;
  }
  // Some mirrors ship arrays of records in one file.
  const items = Array.isArray(raw) ? raw : [raw];
  for (const item of items) {
    let rec;
    try {
      rec = reduceRecord(item);
    } catch (e) {
      if (e instanceof MalformedRecordError) {
        skip(out, `${name}: ${e.message}`);
        continue;
      }
      throw e;
    }
    if (!rec) out.withdrawn++;
    else sink(rec);
  }
}

interface Counts {
  skipped: number;
  withdrawn: number;
  problems: string[];
}

/** Opens for reading without following a final symbolic link and without blocking on a FIFO. */
const READ_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0);
/** Most OSV records fit: one read fills it and a short read is the whole file. */
const READ_BUF = Buffer.allocUnsafe(256 * 1024);

/**
 * The file's text, or its size when it is over the limit or not a regular file. A name swapped
 * for a link after the walk is refused by the open. Small files (nearly all) cost one open, one
 * read and one close; a file that fills the buffer is checked on its descriptor first.
 */
function readBounded(path: string): string | number {
  const fd = openSync(path, READ_FLAGS);
  try {
    const n = readSync(fd, READ_BUF, 0, READ_BUF.length, null);
    if (n < READ_BUF.length) return READ_BUF.toString('utf8', 0, n);
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_FILE) return st.size;
    // The rest, bounded by the size just checked.
    const buf = Buffer.allocUnsafe(Math.max(st.size, n));
    READ_BUF.copy(buf, 0, 0, n);
    let off = n;
    while (off < buf.length) {
      const got = readSync(fd, buf, off, buf.length - off, off);
      if (got <= 0) break;
      off += got;
    }
    return buf.toString('utf8', 0, off);
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

/** Parses the documents of one task, handing each good record to `sink`. */
export function runTask(task: ImportTask, out: Counts, sink: (rec: PreparedRecord) => void, zipCache?: { zip?: ZipReader }): void {
  if (task.kind === 'files') {
    for (const p of task.paths) {
      let bytes: string | number;
      try {
        bytes = readBounded(p);
      } catch (e) {
        // Removed or replaced (by a link, a directory) since the walk.
        skip(out, `${p}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        continue;
      }
      if (typeof bytes === 'number') skip(out, `${p}: not a regular file of at most ${MAX_FILE} bytes (${bytes} bytes)`);
      else parseDocument(bytes, p, out, sink);
    }
    return;
  }
  let zip = zipCache?.zip;
  if (!zip || zip.path !== task.path) {
    zip?.close();
    zip = new ZipReader(task.path, task.limits);
    if (zipCache) zipCache.zip = zip;
  }
  try {
    const entries = jsonEntries(zip);
    for (let i = task.from; i < task.to && i < entries.length; i++) parseDocument(zip.readEntry(entries[i]!), entries[i]!.name, out, sink);
  } finally {
    if (!zipCache) zip.close();
  }
}

const jsonEntryCache = new WeakMap<ZipReader, ZipReader['entries']>();
function jsonEntries(zip: ZipReader): ZipReader['entries'] {
  let list = jsonEntryCache.get(zip);
  if (!list) jsonEntryCache.set(zip, (list = zip.entries.filter((e) => !e.isDirectory && e.name.endsWith('.json'))));
  return list;
}

function mergeCounts(stats: ImportStats, r: Counts): void {
  stats.skipped += r.skipped;
  stats.withdrawn += r.withdrawn;
  for (const p of r.problems) if (stats.problems.length < MAX_PROBLEMS) stats.problems.push(p);
}

/** Parses and writes on the calling thread (small inputs). */
function importSequential(builder: DatabaseBuilder, source: string, task: ImportTask, stats: ImportStats, zipCache?: { zip?: ZipReader }): void {
  const counts: Counts = { skipped: 0, withdrawn: 0, problems: [] };
  runTask(task, counts, (rec) => {
    if (builder.add(rec, source)) stats.records++;
    else stats.duplicates++;
  }, zipCache);
  mergeCounts(stats, counts);
}

/** Worker threads besides the main thread, which parses too: one thread per core, at most four. */
function workerCount(tasks: number): number {
  return Math.max(0, Math.min(3, availableParallelism() - 1, tasks - 1));
}

let youngSized = false;
/**
 * Parsing allocates fast and keeps almost nothing. A worker's heap starts with small semi-spaces
 * that V8 does not grow for this pattern, so the worker scavenged four times as often as the main
 * thread; isolates created after this get 32 MB ones (the main thread's grow to 16 MB). Against
 * 16 MB that halves the worker's scavenges and their time (50 -> 25, 115 -> 54 ms in `--trace-gc`
 * over 100,000 records).
 */
function sizeYoungGeneration(): void {
  if (youngSized) return;
  youngSized = true;
  if (!process.execArgv.some((a) => a.includes('semi-space'))) setFlagsFromString('--min-semi-space-size=32 --max-semi-space-size=32');
}

function startWorker(prefix: string): Worker {
  const workerData = { prefix, rotate: ROTATE };
  sizeYoungGeneration();
  // Found from the package root: this module may be running from the single-file CLI bundle.
  const js = join(packageRoot(), 'dist/vuln/db/import-worker.js');
  if (existsSync(js) && !import.meta.url.endsWith('.ts')) return new Worker(js, { workerData });
  const bundled = bundledSourceWorker();
  if (bundled) return new Worker(bundled, { workerData });
  // Running from source without esbuild: load the TypeScript worker through tsx's loader.
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const url = pathToFileURL(join(packageRoot(), 'src/vuln/db/import-worker.ts')).href;
  return new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url)}); });`, { eval: true, workerData });
}

/**
 * Running from the sources, bundles the import worker now rather than during the first import
 * (benchmarks time the import, not the bundler). A no-op for the built code, which ships it.
 */
export function prepareImportWorker(): void {
  const js = join(packageRoot(), 'dist/vuln/db/import-worker.js');
  if (existsSync(js) && !import.meta.url.endsWith('.ts')) return;
  bundledSourceWorker();
}

let bundledWorker: string | null | undefined;
/**
 * Running from source (tests, benchmarks), the worker's modules are bundled into one JavaScript
 * file with esbuild, once per process: a worker that loads tsx's loader and transforms a dozen
 * modules spends more CPU starting than a small import takes. The file is named by its content
 * and kept under node_modules/.cache, where packages resolve as they do from the sources.
 */
function bundledSourceWorker(): string | undefined {
  if (bundledWorker !== undefined) return bundledWorker ?? undefined;
  bundledWorker = null;
  try {
    const root = packageRoot();
    const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
    const out = esbuild.buildSync({
      entryPoints: [join(root, 'src/vuln/db/import-worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]!.contents;
    const dir = join(root, 'node_modules', '.cache', 'drydock');
    const file = join(dir, `import-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, code);
      renameSync(tmp, file);
    }
    bundledWorker = file;
  } catch {
    // no esbuild (or no writable cache): tsx it is
  }
  return bundledWorker ?? undefined;
}

/** Where the workers' shards go: SQLite's in-memory VFS when it can be shared, else files next to the database. */
function shardPrefix(builder: DatabaseBuilder): string {
  return memoryShardPrefix() ?? `${builder.path}-s`;
}

function startWorkers(prefix: string, n: number): Worker[] {
  return Array.from({ length: n }, (_, i) => startWorker(`${prefix}${i}`));
}

/** Tasks queued per worker. */
const IN_FLIGHT = 4;

/** Tasks per shard file: a finished file can be copied while the next one is written. */
const ROTATE = 8;

/**
 * Writes the records of tasks into shards of its own, starting a new one every `rotate` tasks;
 * `onSealed` hears of each finished one. Used by the workers (shard files) and by the main thread
 * (temporary tables of the database being built).
 */
export class ShardTaskRunner {
  private writer: ShardWriter | undefined;
  private file = '';
  private files = 0;
  private tasksInFile = 0;
  private readonly zipCache: { zip?: ZipReader } = {};

  constructor(
    /** Shard file names start with this; or a function that opens the next shard. */
    private readonly prefix: string | (() => ShardWriter),
    private readonly rotate: number,
    private readonly onSealed: (file: string, tasks: number) => void,
  ) {}

  run(task: ImportTask): { file: string; result: ShardTaskResult } {
    if (!this.writer) {
      this.writer = typeof this.prefix === 'string' ? new ShardWriter(shardName(this.prefix, this.files++)) : this.prefix();
      this.file = this.writer.path;
      this.tasksInFile = 0;
    }
    const w = this.writer;
    const ids: string[] = [];
    const affCounts: number[] = [];
    const result: ShardTaskResult = { ids, affCounts, rid0: w.rid + 1, affLo: w.affRowid + 1, affHi: 0, skipped: 0, withdrawn: 0, problems: [] };
    runTask(task, result, (rec) => {
      ids.push(rec.id);
      affCounts.push(rec.affected.length);
      w.add(rec);
    }, this.zipCache);
    result.affHi = w.affRowid;
    const file = this.file;
    if (++this.tasksInFile >= this.rotate) this.seal();
    return { file, result };
  }

  /** Sealed in-memory shards still open here, until the main thread holds them (`release`). */
  private readonly sealedOpen = new Map<string, ShardWriter>();

  /** Finishes the current file, if any. */
  seal(): void {
    if (!this.writer) return;
    this.writer.close();
    this.sealedOpen.set(this.file, this.writer);
    this.writer = undefined;
    this.onSealed(this.file, this.tasksInFile);
  }

  /** The main thread holds a sealed shard now: this thread's connection to it can go. */
  release(file: string): void {
    this.sealedOpen.get(file)?.release();
    this.sealedOpen.delete(file);
  }

  close(): void {
    this.seal();
    this.zipCache.zip?.close();
    this.zipCache.zip = undefined;
  }

  abort(): void {
    this.writer?.abort();
    this.writer = undefined;
    for (const w of this.sealedOpen.values()) w.abort();
    this.sealedOpen.clear();
    this.zipCache.zip?.close();
  }
}

type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'result'; seq: number; file: string; result: ShardTaskResult }
  | { kind: 'sealed'; file: string; tasks: number }
  | { kind: 'closed' }
  | { kind: 'error'; message: string; zip?: ZipError['code'] };

/**
 * Parses on worker threads and on the main thread, each writing the records it parses into shards
 * of its own (files for the workers, in-memory temporary tables for the main thread); the main
 * thread copies finished shards into the database (inside SQLite) between its own tasks. Results
 * are settled strictly in task order: duplicate ids are decided there, so the first of two records
 * with one id wins, and row ids are assigned there, so the database comes out the same as from one
 * thread whichever thread ran which task.
 */
async function importParallel(
  builder: DatabaseBuilder,
  source: string,
  tasks: ImportTask[],
  stats: ImportStats,
  mainParses = true,
  started: Worker[] = [],
  /** Appends more tasks to `tasks` (the rest of a directory walk); false once there are no more. */
  more?: () => boolean,
): Promise<void> {
  const prefix = shardPrefix(builder);
  const workers: Worker[] = started.length > 0 ? started : startWorkers(prefix, workerCount(tasks.length));
  let listed = !more;
  /** Tasks each worker can take now. */
  const wants = new Map<Worker, number>();
  /** Few tasks left to hand out: time to list more. */
  const runningLow = () => tasks.length - next <= workers.length * IN_FLIGHT + 1;
  const results = new Map<number, { file: string; result: ShardTaskResult }>();
  /** Settled segments not yet copied, in task order. */
  const queue: { file: string; seg: ShardSegment }[] = [];
  const sealed = new Map<string, number>();
  const settledPerFile = new Map<string, number>();
  let next = 0;
  let done = 0;
  let closed = 0;
  let closing = false;
  let failure: Error | undefined;
  let resolveAll: () => void = () => {};
  let rejectAll: (e: Error) => void = () => {};
  const finished = new Promise<void>((res, rej) => {
    resolveAll = res;
    rejectAll = rej;
  });
  const fail = (e: Error) => {
    if (failure) return;
    failure = e;
    rejectAll(e);
  };
  // The main thread's shards are temporary tables of the database's own connection.
  const local = new ShardTaskRunner(() => builder.localShard(), ROTATE, (file, count) => sealed.set(file, count));

  const settle = (file: string, r: ShardTaskResult) => {
    let kept = 0;
    let runStart = 0;
    let affAt = r.affLo;
    let runAff = affAt;
    const flushRun = (end: number) => {
      // Records runStart..end-1 (indexes into r.ids) are kept and consecutive.
      if (end > runStart) {
        const lo = r.rid0 + runStart;
        const rid = builder.reserve(end - runStart);
        queue.push({ file, seg: { lo, hi: r.rid0 + end - 1, delta: rid - lo, affLo: runAff, affHi: affAt - 1 } });
      }
    };
    for (let k = 0; k < r.ids.length; k++) {
      if (builder.claim(r.ids[k]!)) {
        kept++;
      } else {
        stats.duplicates++;
        flushRun(k);
        runStart = k + 1;
        runAff = affAt + r.affCounts[k]!;
      }
      affAt += r.affCounts[k]!;
    }
    flushRun(r.ids.length);
    stats.records += kept;
    mergeCounts(stats, r);
    settledPerFile.set(file, (settledPerFile.get(file) ?? 0) + 1);
  };

  /** Copies the longest prefix of the queue whose files are finished; drops files fully copied. */
  const copyReady = () => {
    let k = 0;
    while (k < queue.length && sealed.has(queue[k]!.file)) k++;
    if (k === 0) return;
    const batch = queue.splice(0, k);
    builder.appendShards(source, batch);
    for (const file of new Set(batch.map((b) => b.file))) {
      if (!queue.some((q) => q.file === file) && settledPerFile.get(file) === sealed.get(file)) builder.dropShard(file);
    }
  };

  let scheduled = false;
  const schedule = () => {
    if (scheduled || failure) return;
    scheduled = true;
    setImmediate(step);
  };
  function step(): void {
    scheduled = false;
    if (failure) return;
    try {
      if (!listed && runningLow()) {
        // The walk goes on between tasks, some thousands of files at a time, while the workers parse.
        listed = !more!();
        pump();
      }
      while (results.has(done)) {
        const { file, result } = results.get(done)!;
        results.delete(done);
        settle(file, result);
        done++;
      }
      if (listed && done === tasks.length && !closing) {
        closing = true;
        local.close();
        for (const w of workers) w.postMessage({ close: true });
      }
      copyReady();
      if (closing && closed === workers.length && queue.length === 0) {
        builder.detachShards();
        resolveAll();
        return;
      }
      if (mainParses && next < tasks.length) {
        // The main thread parses too, one task at a time, answering the workers in between.
        const seq = next++;
        results.set(seq, local.run(tasks[seq]!));
        schedule();
      } else if (!listed && runningLow()) {
        schedule();
      }
    } catch (e) {
      fail(e as Error);
    }
  }

  /** Hands tasks to the workers that can take them. */
  const pump = () => {
    for (const [w, n] of wants) {
      let k = n;
      for (; k > 0 && !failure && next < tasks.length; k--) {
        const seq = next++;
        w.postMessage({ seq, task: tasks[seq] });
      }
      wants.set(w, k);
    }
  };
  try {
    for (const w of workers) {
      w.on('message', (m: WorkerReply) => {
        switch (m.kind) {
          case 'ready':
            // Several tasks in flight: the main thread answers only between its own tasks, and
            // a worker must not run dry meanwhile.
            wants.set(w, IN_FLIGHT);
            pump();
            break;
          case 'result':
            results.set(m.seq, { file: m.file, result: m.result });
            wants.set(w, (wants.get(w) ?? 0) + 1);
            pump();
            break;
          case 'sealed':
            // An in-memory shard lives while a connection to it is open: this thread opens one
            // before the worker closes its own.
            try {
              holdShard(m.file);
            } catch (e) {
              fail(e as Error);
              return;
            }
            w.postMessage({ release: m.file });
            sealed.set(m.file, m.tasks);
            break;
          case 'closed':
            closed++;
            break;
          case 'error':
            fail(m.zip ? new ZipError(m.message, m.zip) : new Error(m.message));
            return;
        }
        schedule();
      });
      w.on('error', (e) => fail(e));
      w.on('exit', (code) => {
        if (!closing || closed < workers.length) fail(new Error(`import worker stopped (exit code ${code})`));
      });
    }
    // The main thread starts on the first tasks while the workers load.
    schedule();
    await finished;
  } finally {
    local.abort();
    await Promise.all(workers.map((w) => w.terminate()));
    try {
      builder.detachShards();
    } catch {
      // the database is abandoned anyway
    }
    discardShards(prefix);
  }
}

export interface ImportRunOptions {
  limits?: ZipLimits;
  /** Parse on worker threads: when the input is large (default), never (false) or always (true, for tests). */
  parallel?: boolean;
  /** Files or entries per task (tests). */
  batch?: number;
  /** Whether the main thread parses too (default true; tests turn it off to make the workers do all). */
  mainParses?: boolean;
}

function useParallel(files: number, opts: ImportRunOptions): boolean {
  if (opts.parallel === false || workerCount(Math.ceil(files / (opts.batch ?? BATCH))) === 0) return false;
  return opts.parallel === true || files >= PARALLEL_MIN;
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
  if (!useParallel(count, opts)) {
    try {
      importSequential(builder, source, { kind: 'zip', path, limits, from: 0, to: count }, stats, { zip });
    } finally {
      zip.close();
    }
    return stats;
  }
  zip.close();
  const tasks: ImportTask[] = [];
  const batch = opts.batch ?? BATCH;
  for (let i = 0; i < count; i += batch) tasks.push({ kind: 'zip', path, limits, from: i, to: Math.min(count, i + batch) });
  await importParallel(builder, source, tasks, stats, opts.mainParses);
  return stats;
}

/** The `.json` files below `dir` in name order, depth first, without following symbolic links. */
function* walkFiles(dir: string, depth = 0): Generator<string> {
  if (depth > 32) return;
  const prefix = dir.endsWith(sep) ? dir : dir + sep;
  for (const ent of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = prefix + ent.name;
    if (ent.isSymbolicLink()) continue;
    if (ent.isDirectory()) yield* walkFiles(p, depth + 1);
    else if (ent.isFile() && ent.name.endsWith('.json')) yield p;
  }
}

/**
 * Imports every `.json` file below `dir`, without following symbolic links. A large directory is
 * imported while it is still being listed: once the walk has found enough files for the workers,
 * it goes on between tasks, so the workers need not wait for the whole listing.
 */
export async function importDirectory(builder: DatabaseBuilder, dir: string, source: string, opts: ImportRunOptions = {}): Promise<ImportStats> {
  const files = walkFiles(normalize(dir));
  const paths: string[] = [];
  let walked = false;
  /** Lists up to `n` more files (all when n is Infinity); false once the walk is over. */
  const list = (n: number): boolean => {
    for (let k = 0; k < n; k++) {
      const r = files.next();
      if (r.done) return !(walked = true);
      if (paths.length >= MAX_FILES) throw new Error(`more than ${MAX_FILES} files under ${dir}`);
      paths.push(r.value);
    }
    return true;
  };
  const stats = emptyStats();
  // Enough files to go parallel, unless this host or the caller rules it out.
  const mayPipeline = opts.parallel !== false && availableParallelism() > 1;
  list(mayPipeline ? PARALLEL_MIN : Infinity);
  if (!useParallel(walked ? paths.length : Math.max(paths.length, PARALLEL_MIN), opts)) {
    list(Infinity);
    importSequential(builder, source, { kind: 'files', paths }, stats);
    return stats;
  }
  // Workers take a moment to load: they load while the walk goes on.
  const early = opts.parallel === undefined && !walked ? startWorkers(shardPrefix(builder), workerCount(Math.ceil(PARALLEL_MIN / BATCH))) : [];
  const tasks: ImportTask[] = [];
  const batch = opts.batch ?? BATCH;
  let cut = 0;
  const cutTasks = () => {
    for (; paths.length - cut >= batch || (walked && cut < paths.length); cut += batch) tasks.push({ kind: 'files', paths: paths.slice(cut, cut + batch) });
  };
  cutTasks();
  const more = () => {
    list(Math.max(batch * 8, 4000));
    cutTasks();
    return !walked;
  };
  await importParallel(builder, source, tasks, stats, opts.mainParses, early, walked ? undefined : more);
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
