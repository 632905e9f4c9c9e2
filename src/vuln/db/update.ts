import type Database from 'better-sqlite3';
import { lazy } from '../../util/lazy.js';

const sqlite = lazy<typeof Database>('better-sqlite3');
import { createHash } from 'node:crypto';
import { closeSync, createWriteStream, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { addStats, importDirectory, importZip, type ImportStats } from './import.js';
import { dbDir, dbPath } from './paths.js';
import { DatabaseBuilder, DB_SCHEMA_VERSION, type SourceInfo } from './store.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip.js';

export const DEFAULT_BASE_URL = 'https://osv-vulnerabilities.storage.googleapis.com';

/** The OSV exports `drydock db update` fetches when no `--ecosystems` are given. */
export const DEFAULT_ECOSYSTEMS = [
  'AlmaLinux',
  'Alpine',
  'Debian',
  'Go',
  'Maven',
  'NuGet',
  'Packagist',
  'PyPI',
  'Rocky Linux',
  'RubyGems',
  'Ubuntu',
  'crates.io',
  'npm',
];

export interface UpdateOptions {
  cacheDir: string;
  ecosystems?: string[];
  baseUrl?: string;
  /** Largest download accepted per ecosystem, bytes. */
  maxDownload?: number;
  zipLimits?: ZipLimits;
  fetch?: typeof fetch;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface UpdateResult {
  path: string;
  sources: SourceInfo[];
  stats: ImportStats;
}

export class UpdateError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
    this.name = 'UpdateError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One writer at a time; a lock left by a dead process is taken over. */
function acquireLock(dir: string): () => void {
  const lock = join(dir, 'update.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(lock, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new UpdateError(`another database update (pid ${pid}) is running; lock ${lock}`, 'locked');
      }
      rmSync(lock, { force: true });
    }
  }
  throw new UpdateError(`cannot take the lock ${lock}`, 'locked');
}

/** Removes temporary files that killed updates left behind. */
function cleanStale(dir: string): void {
  for (const name of readdirSync(dir)) {
    const m = /^vulns\.db\.tmp-(\d+)-/.exec(name) ?? /^download-(\d+)-/.exec(name);
    if (m && !alive(Number(m[1]))) rmSync(join(dir, name), { force: true });
  }
}

function tmpName(dir: string, prefix: string): string {
  return join(dir, `${prefix}-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`);
}

/** Durable rename: the new file's data, then the directory entry. */
function swapIn(tmp: string, target: string): void {
  const fd = openSync(tmp, 'r');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, target);
  try {
    const dfd = openSync(join(target, '..'), 'r');
    fsyncSync(dfd);
    closeSync(dfd);
  } catch {
    // directories cannot be fsynced on every platform
  }
}

interface Downloaded {
  path: string;
  sha256: string;
  bytes: number;
}

async function download(url: string, dest: string, opts: { fetch: typeof fetch; maxBytes: number }): Promise<Downloaded> {
  const res = await opts.fetch(url, { redirect: 'follow' });
  if (!res.ok || !res.body) throw new UpdateError(`GET ${url}: HTTP ${res.status}`, 'http');
  const declared = res.headers.get('content-length');
  if (declared && Number(declared) > opts.maxBytes) throw new UpdateError(`${url} is ${declared} bytes (limit ${opts.maxBytes})`, 'too-large');
  const sha = createHash('sha256');
  const md5 = createHash('md5');
  let bytes = 0;
  const body = Readable.fromWeb(res.body as import('node:stream/web').ReadableStream<Uint8Array>);
  body.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > opts.maxBytes) body.destroy(new UpdateError(`${url} exceeds ${opts.maxBytes} bytes`, 'too-large'));
    sha.update(chunk);
    md5.update(chunk);
  });
  await pipeline(body, createWriteStream(dest));
  // With a content-encoding, Content-Length counts the encoded bytes, not the archive's.
  if (declared && !res.headers.get('content-encoding') && Number(declared) !== bytes) throw new UpdateError(`${url}: received ${bytes} bytes, expected ${declared}`, 'truncated');
  // Google Cloud Storage (the OSV bucket) sends `x-goog-hash: crc32c=…,md5=…`.
  const goog = res.headers.get('x-goog-hash');
  const md5Header = goog && /md5=([A-Za-z0-9+/=]+)/.exec(goog)?.[1];
  if (md5Header && md5.digest('base64') !== md5Header) throw new UpdateError(`${url}: MD5 does not match x-goog-hash`, 'checksum');
  const sha256 = sha.digest('hex');
  // A mirror may publish `<archive>.sha256`; when it does, it must match.
  try {
    const sum = await opts.fetch(`${url}.sha256`);
    if (sum.ok) {
      const text = (await sum.text()).slice(0, 1000);
      const want = /\b([0-9a-f]{64})\b/i.exec(text)?.[1]?.toLowerCase();
      if (want && want !== sha256) throw new UpdateError(`${url}: SHA-256 ${sha256} does not match the published ${want}`, 'checksum');
    }
  } catch (e) {
    if (e instanceof UpdateError) throw e;
  }
  return { path: dest, sha256, bytes };
}

/**
 * Downloads the OSV exports, verifies them, imports them into a new database file and renames it
 * over the current one. Any failure leaves the current database untouched.
 */
export async function updateDatabase(opts: UpdateOptions): Promise<UpdateResult> {
  const dir = dbDir(opts.cacheDir);
  mkdirSync(dir, { recursive: true });
  const release = acquireLock(dir);
  const log = opts.log ?? (() => {});
  const base = (opts.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const ecosystems = opts.ecosystems && opts.ecosystems.length > 0 ? opts.ecosystems : DEFAULT_ECOSYSTEMS;
  const now = opts.now ?? (() => new Date());
  const target = dbPath(opts.cacheDir);
  const tmp = tmpName(dir, 'vulns.db.tmp');
  const downloads: string[] = [];
  let builder: DatabaseBuilder | undefined;
  try {
    cleanStale(dir);
    const files: { eco: string; url: string; d: Downloaded }[] = [];
    for (const eco of ecosystems) {
      const url = `${base}/${encodeURIComponent(eco)}/all.zip`;
      const dest = tmpName(dir, 'download');
      downloads.push(dest);
      log(`downloading ${url}`);
      const d = await download(url, dest, { fetch: opts.fetch ?? fetch, maxBytes: opts.maxDownload ?? 4 * 1024 ** 3 });
      files.push({ eco, url, d });
    }
    builder = new DatabaseBuilder(tmp);
    if (existsSync(target)) {
      const old = oldSourceNames(target).filter((s) => !ecosystems.includes(s));
      if (old.length > 0) builder.copyFrom(target, old);
    }
    let total: ImportStats = { records: 0, skipped: 0, withdrawn: 0, duplicates: 0, problems: [] };
    for (const f of files) {
      log(`importing ${f.eco} (${f.d.bytes} bytes)`);
      const stats = await importZip(builder, f.d.path, f.eco, { limits: opts.zipLimits ?? DEFAULT_ZIP_LIMITS });
      total = addStats(total, stats);
      builder.sources.push({ name: f.eco, origin: f.url, fetchedAt: now().toISOString(), records: stats.records, skipped: stats.skipped, withdrawn: stats.withdrawn, sha256: f.d.sha256 });
    }
    builder.finish({ builtAt: now().toISOString() });
    const sources = builder.sources;
    builder = undefined;
    swapIn(tmp, target);
    return { path: target, sources, stats: total };
  } finally {
    builder?.abort();
    rmSync(tmp, { force: true });
    for (const d of downloads) rmSync(d, { force: true });
    release();
  }
}

export interface ImportOptions {
  cacheDir: string;
  /** A directory of OSV JSON files or a ZIP of them. */
  path: string;
  zipLimits?: ZipLimits;
  now?: () => Date;
}

/** Imports local OSV data (air-gapped sites) as the source "import", keeping other sources. */
export async function importDatabase(opts: ImportOptions): Promise<UpdateResult> {
  const dir = dbDir(opts.cacheDir);
  mkdirSync(dir, { recursive: true });
  const release = acquireLock(dir);
  const now = opts.now ?? (() => new Date());
  const target = dbPath(opts.cacheDir);
  const tmp = tmpName(dir, 'vulns.db.tmp');
  let builder: DatabaseBuilder | undefined;
  try {
    cleanStale(dir);
    builder = new DatabaseBuilder(tmp);
    if (existsSync(target)) {
      const keep = oldSourceNames(target).filter((s) => s !== 'import');
      if (keep.length > 0) builder.copyFrom(target, keep);
    }
    const isDir = statSync(opts.path).isDirectory();
    const stats = isDir ? await importDirectory(builder, opts.path, 'import') : await importZip(builder, opts.path, 'import', { limits: opts.zipLimits ?? DEFAULT_ZIP_LIMITS });
    builder.sources.push({ name: 'import', origin: opts.path, fetchedAt: now().toISOString(), records: stats.records, skipped: stats.skipped, withdrawn: stats.withdrawn });
    builder.finish({ builtAt: now().toISOString() });
    const sources = builder.sources;
    builder = undefined;
    swapIn(tmp, target);
    return { path: target, sources, stats };
  } finally {
    builder?.abort();
    rmSync(tmp, { force: true });
    release();
  }
}

/** The sources recorded in the current database, read through a short-lived handle. */
function oldSourceNames(path: string): string[] {
  try {
    const db = new (sqlite())(path, { readonly: true, fileMustExist: true });
    try {
      const version = db.prepare(`SELECT value FROM meta WHERE key = 'schema_version'`).get() as { value: string } | undefined;
      // Rows of another schema cannot be copied; the named ecosystems are all the new file gets.
      if (version?.value !== DB_SCHEMA_VERSION) return [];
      const row = db.prepare(`SELECT value FROM meta WHERE key = 'sources'`).get() as { value: string } | undefined;
      return (JSON.parse(row?.value ?? '[]') as SourceInfo[]).map((s) => s.name);
    } finally {
      db.close();
    }
  } catch {
    // An unreadable old database is simply replaced.
    return [];
  }
}
