import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsync, openSync, readdirSync, rmSync, unlink } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { lazy } from '../../util/lazy.js';
import type { OsvSeverity, PreparedRecord, StoredAffected } from '../osv.js';
import { dbPath } from './paths.js';

const loadSqlite = lazy<typeof Database>('better-sqlite3');

/**
 * better-sqlite3, loaded with SQLite's URI file names on (unless the environment says otherwise):
 * the import's scratch shards are in-memory databases named by URI (see `memoryShardPrefix`).
 * better-sqlite3 reads `SQLITE_USE_URI` once, when it loads. Only names that begin with `file:`
 * are read as URIs; the paths drydock opens are absolute.
 */
function sqlite(): typeof Database {
  process.env.SQLITE_USE_URI ??= '1';
  return loadSqlite();
}

export const DB_SCHEMA_VERSION = '1';

/** The record and affected-package tables; a shard's records carry no source (the database's one applies). */
function recordTables(withSource: boolean): string {
  return `
CREATE TABLE vulns (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL,${withSource ? '\n  source TEXT NOT NULL,' : ''}
  modified TEXT NOT NULL,
  published TEXT,
  summary TEXT,
  aliases TEXT,
  upstream TEXT,
  severity TEXT,
  db_severity TEXT,
  url TEXT
);
CREATE TABLE affected (
  vuln INTEGER NOT NULL,
  ecosystem TEXT NOT NULL,
  name TEXT NOT NULL,
  data TEXT NOT NULL
);
`;
}

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);${recordTables(true)}`;

/**
 * Statements that write many rows say OR FAIL: a constraint error still stops them and fails the
 * import, but SQLite need not keep a statement journal to undo the rows such a statement already
 * wrote (the default, OR ABORT, copies every page a multi-row insert touches to a temporary file
 * first, which cost more than the inserts themselves). A failed import discards the whole file.
 *
 * Matching looks advisories up by package and then by row id, never by advisory id, so `id` has no
 * index: ids are kept unique by the builder itself (the first record with an id wins), and an index
 * that no query reads would cost a quarter of the copy time on every import.
 */
const INDEXES = `
CREATE INDEX affected_pkg ON affected(ecosystem, name);
`;

/** Thrown when a scan needs the vulnerability database and there is none. */
export class NoVulnerabilityDatabaseError extends Error {
  constructor(readonly path: string) {
    super(
      `no vulnerability database at ${path}: run "drydock db update" to download the OSV data ` +
        `(or "drydock db import PATH" on an air-gapped host); vulnerabilities were NOT checked`,
    );
    this.name = 'NoVulnerabilityDatabaseError';
  }
}

export interface SourceInfo {
  /** The OSV export ecosystem ("npm", "Debian") or "import". */
  name: string;
  /** Where it came from: URL or local path. */
  origin: string;
  fetchedAt: string;
  records: number;
  skipped: number;
  withdrawn: number;
  sha256?: string;
}

export interface DbStatus {
  path: string;
  schemaVersion: string;
  builtAt: string;
  ageSeconds: number;
  advisories: number;
  affected: number;
  sources: SourceInfo[];
}

export interface StoredVuln {
  rid: number;
  id: string;
  modified: string;
  published: string | null;
  summary: string | null;
  aliases: string[];
  upstream: string[];
  severity: OsvSeverity[];
  dbSeverity: string | null;
  url: string | null;
}

export interface AffectedRow {
  /** The advisory's row id: `VulnDatabase.vuln(rid)` reads it, only for entries that match. */
  rid: number;
  data: StoredAffected;
}

/** A read-only handle on the current database file. */
export class VulnDatabase {
  private readonly db: Database.Database;
  /** Rows as arrays (`raw`): cheaper to build than objects, and a lookup can return many. */
  private readonly byPackage: Database.Statement<[string, string], [rid: number, data: string]>;
  private readonly vulnById: Database.Statement<[number], VulnRow>;
  private readonly vulnCache = new Map<number, StoredVuln>();

  private constructor(readonly path: string) {
    this.db = new (sqlite())(path, { readonly: true, fileMustExist: true });
    // Lookups touch index and table pages all over the file: map it rather than read page by page.
    this.db.pragma('mmap_size = 1073741824');
    this.db.pragma('cache_size = -32768');
    const v = this.meta('schema_version');
    if (v !== DB_SCHEMA_VERSION) {
      this.db.close();
      throw new Error(`vulnerability database ${path} has schema ${v ?? 'unknown'}, expected ${DB_SCHEMA_VERSION}: run "drydock db update"`);
    }
    this.byPackage = this.db.prepare<[string, string], [number, string]>('SELECT vuln, data FROM affected WHERE ecosystem = ? AND name = ?').raw();
    this.vulnById = this.db.prepare('SELECT rid, id, modified, published, summary, aliases, upstream, severity, db_severity, url FROM vulns WHERE rid = ?');
  }

  /** Opens the database in `cacheDir`, or throws NoVulnerabilityDatabaseError. */
  static open(cacheDir: string): VulnDatabase {
    return VulnDatabase.openFile(dbPath(cacheDir));
  }

  static openFile(path: string): VulnDatabase {
    if (!existsSync(path)) throw new NoVulnerabilityDatabaseError(path);
    return new VulnDatabase(path);
  }

  close(): void {
    this.db.close();
  }

  meta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  affected(ecosystemKey: string, nameKey: string): AffectedRow[] {
    return this.byPackage.all(ecosystemKey, nameKey).map(affectedRow);
  }

  /**
   * The affected entries of many packages of one ecosystem. One indexed lookup per name, all in
   * one read transaction: outside a transaction SQLite takes and drops its file lock around every
   * statement, which costs more than the lookup itself.
   */
  affectedMany(ecosystemKey: string, nameKeys: string[]): Map<string, AffectedRow[]> {
    const out = new Map<string, AffectedRow[]>();
    const asked = new Set<string>();
    this.reading(() => {
      for (const name of nameKeys) {
        if (asked.has(name)) continue;
        asked.add(name);
        const rows = this.byPackage.all(ecosystemKey, name);
        if (rows.length > 0) out.set(name, rows.map(affectedRow));
      }
    });
    return out;
  }

  /** Loads many advisories into the cache, in one read transaction. */
  preload(rids: Iterable<number>): void {
    this.reading(() => {
      for (const rid of rids) if (!this.vulnCache.has(rid)) this.vulnCache.set(rid, toVuln(this.vulnById.get(rid)!));
    });
  }

  /** Runs reads in one transaction (a savepoint when one is already open). */
  private reading(fn: () => void): void {
    (this.readTx ??= this.db.transaction(fn => fn()))(fn);
  }

  private readTx: ((fn: () => void) => void) | undefined;

  /** One advisory by row id (cached for the life of the handle). */
  vuln(rid: number): StoredVuln {
    let v = this.vulnCache.get(rid);
    if (!v) this.vulnCache.set(rid, (v = toVuln(this.vulnById.get(rid)!)));
    return v;
  }

  status(now = new Date()): DbStatus {
    const builtAt = this.meta('built_at') ?? '';
    const count = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    return {
      path: this.path,
      schemaVersion: this.meta('schema_version') ?? '',
      builtAt,
      ageSeconds: builtAt ? Math.max(0, Math.round((now.getTime() - Date.parse(builtAt)) / 1000)) : -1,
      advisories: count('SELECT count(*) AS n FROM vulns'),
      affected: count('SELECT count(*) AS n FROM affected'),
      sources: JSON.parse(this.meta('sources') ?? '[]') as SourceInfo[],
    };
  }
}

function affectedRow(r: [rid: number, data: string]): AffectedRow {
  const d = JSON.parse(r[1]) as StoredAffected;
  // One shape for every entry, whichever keys its JSON has: the version checks then read fields
  // of a single kind of object.
  return { rid: r[0], data: { r: d.r, v: d.v, s: d.s, u: d.u, g: d.g } };
}

function toVuln(row: VulnRow): StoredVuln {
  return {
    rid: row.rid,
    id: row.id,
    modified: row.modified,
    published: row.published,
    summary: row.summary,
    aliases: row.aliases ? (JSON.parse(row.aliases) as string[]) : [],
    upstream: row.upstream ? (JSON.parse(row.upstream) as string[]) : [],
    severity: row.severity ? (JSON.parse(row.severity) as OsvSeverity[]) : [],
    dbSeverity: row.db_severity,
    url: row.url,
  };
}

interface VulnRow {
  rid: number;
  id: string;
  modified: string;
  published: string | null;
  summary: string | null;
  aliases: string | null;
  upstream: string | null;
  severity: string | null;
  db_severity: string | null;
  url: string | null;
}

/**
 * Writes a NEW database file. The caller renames it over the current one when `finish` returns;
 * until then nothing a reader opens has changed. Journaling is off while building: a crash leaves
 * only a temporary file behind, never a damaged current database.
 */
export class DatabaseBuilder {
  private readonly db: Database.Database;
  private readonly insVuln: Database.Statement;
  private readonly insAff: Database.Statement;
  private readonly seen = new Set<string>();
  private rid = 0;
  private pending = 0;
  readonly sources: SourceInfo[] = [];

  constructor(readonly path: string) {
    this.db = new (sqlite())(path);
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('locking_mode = EXCLUSIVE');
    this.db.pragma('page_size = 4096');
    this.db.pragma('cache_size = -65536');
    this.db.pragma('temp_store = MEMORY');
    // The indexes exist from the start: parallel imports fill them while other threads parse,
    // which costs about what building them at the end does, without the wait at the end.
    this.db.exec(SCHEMA + INDEXES);
    this.insVuln = this.db.prepare(
      'INSERT INTO vulns (rid, id, source, modified, published, summary, aliases, upstream, severity, db_severity, url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insAff = this.db.prepare('INSERT INTO affected (vuln, ecosystem, name, data) VALUES (?, ?, ?, ?)');
    this.db.exec('BEGIN');
  }

  /** Copies the advisories of the named sources from an existing database (a partial update). */
  copyFrom(oldPath: string, keepSources: string[]): SourceInfo[] {
    if (keepSources.length === 0) return [];
    this.db.exec('COMMIT');
    this.db.prepare('ATTACH DATABASE ? AS old').run(oldPath);
    const marks = keepSources.map(() => '?').join(',');
    this.db.exec('BEGIN');
    this.db.prepare(`INSERT OR FAIL INTO vulns SELECT * FROM old.vulns WHERE source IN (${marks})`).run(...keepSources);
    this.db.prepare(`INSERT OR FAIL INTO affected SELECT a.* FROM old.affected a JOIN old.vulns v ON v.rid = a.vuln WHERE v.source IN (${marks})`).run(...keepSources);
    const oldSources = JSON.parse((this.db.prepare(`SELECT value FROM old.meta WHERE key = 'sources'`).get() as { value: string } | undefined)?.value ?? '[]') as SourceInfo[];
    this.db.exec('COMMIT');
    this.db.exec('DETACH DATABASE old');
    this.db.exec('BEGIN');
    for (const r of this.db.prepare('SELECT id FROM vulns').iterate() as IterableIterator<{ id: string }>) this.seen.add(r.id);
    this.rid = (this.db.prepare('SELECT coalesce(max(rid), 0) AS m FROM vulns').get() as { m: number }).m;
    const kept = oldSources.filter((s) => keepSources.includes(s.name));
    this.sources.push(...kept);
    return kept;
  }

  /** Marks an id as taken; false when a record with that id is already in (first one wins). */
  claim(id: string): boolean {
    // One hash lookup rather than two (has, then add): an id already there leaves the size as it was.
    const before = this.seen.size;
    return this.seen.add(id).size !== before;
  }

  /** Reserves `n` consecutive row ids and returns the first. */
  reserve(n: number): number {
    const first = this.rid + 1;
    this.rid += n;
    return first;
  }

  /** Shard files attached to this connection, by file name, with their copy statements. */
  private readonly shards = new Map<string, { alias: string; vulns: Database.Statement; aff: Database.Statement }>();
  /** Attached shards fully copied: detached and deleted at the next commit point. */
  private readonly spent = new Set<string>();

  /**
   * Appends rows of shard files that import threads wrote (see ShardWriter), segment by segment in
   * the order given: shard rows `lo..hi` become rows `lo + delta..hi + delta`, followed by the
   * shard's affected rows `affLo..affHi`. The copy runs inside SQLite; no row passes through
   * JavaScript. A shard stays attached until `dropShard`: ATTACH needs the transaction closed,
   * and every commit writes out the index pages the copies dirtied, so the database commits only
   * when a new shard is attached (once per shard file), not after every copy.
   */
  appendShards(source: string, segments: readonly { file: string; seg: ShardSegment }[]): void {
    for (const { file, seg } of segments) {
      const st = this.locals.get(file) ?? this.shards.get(file) ?? this.attach(file);
      if (seg.hi >= seg.lo) st.vulns.run(seg.delta, source, seg.lo, seg.hi);
      if (seg.affHi >= seg.affLo) st.aff.run(seg.delta, seg.affLo, seg.affHi);
    }
  }

  /** Shards in temporary tables of this connection (see `localShard`), by name. */
  private readonly locals = new Map<string, { alias: string; vulns: Database.Statement; aff: Database.Statement }>();
  private localCount = 0;

  /**
   * A shard the calling thread writes into temporary tables (in memory) of this database's own
   * connection: its rows are copied like a shard file's, with no file, no ATTACH and so no commit.
   * The import's main thread writes its records here.
   */
  localShard(): ShardWriter {
    const n = this.localCount++;
    const name = `temp:${n}`;
    const w = new ShardWriter(name, { db: this.db, vulns: `lv${n}`, affected: `la${n}` });
    this.locals.set(name, { alias: `temp`, ...this.copyStatements(`temp.lv${n}`, `temp.la${n}`) });
    return w;
  }

  /** The shard's rows are all copied: it is detached and deleted at the next commit point. */
  dropShard(file: string): void {
    const local = this.locals.get(file);
    if (local) {
      this.locals.delete(file);
      const n = file.slice('temp:'.length);
      this.db.exec(`DROP TABLE temp.lv${n}; DROP TABLE temp.la${n}`);
    } else if (this.shards.has(file)) {
      this.spent.add(file);
    } else {
      discard(file);
    }
  }

  /** Detaches (and deletes) every shard; the transaction stays open. */
  detachShards(): void {
    if (this.shards.size === 0) return;
    this.db.exec('COMMIT');
    for (const [file, st] of this.shards) {
      this.db.exec(`DETACH DATABASE ${st.alias}`);
      if (this.spent.has(file)) discard(file);
    }
    this.shards.clear();
    this.spent.clear();
    this.db.exec('BEGIN');
  }

  private attach(file: string): { alias: string; vulns: Database.Statement; aff: Database.Statement } {
    this.db.exec('COMMIT');
    for (const f of this.spent) {
      this.db.exec(`DETACH DATABASE ${this.shards.get(f)!.alias}`);
      this.shards.delete(f);
      discard(f);
    }
    this.spent.clear();
    if (this.shards.size >= 8) {
      // More than SQLite attaches by default; the ones still needed are attached again later.
      for (const st of this.shards.values()) this.db.exec(`DETACH DATABASE ${st.alias}`);
      this.shards.clear();
    }
    const used = new Set([...this.shards.values()].map((s) => s.alias));
    let alias = '';
    for (let i = 0; used.has((alias = `shard${i}`)); i++);
    this.db.prepare(`ATTACH DATABASE ? AS ${alias}`).run(file);
    const st = { alias, ...this.copyStatements(`${alias}.vulns`, `${alias}.affected`) };
    this.shards.set(file, st);
    this.db.exec('BEGIN');
    this.writeBack();
    return st;
  }

  private copyStatements(vulns: string, affected: string): { vulns: Database.Statement; aff: Database.Statement } {
    return {
      vulns: this.db.prepare(
        'INSERT OR FAIL INTO vulns (rid, id, source, modified, published, summary, aliases, upstream, severity, db_severity, url) ' +
          `SELECT rid + ?, id, ?, modified, published, summary, aliases, upstream, severity, db_severity, url FROM ${vulns} WHERE rid BETWEEN ? AND ?`,
      ),
      aff: this.db.prepare(`INSERT OR FAIL INTO affected (vuln, ecosystem, name, data) SELECT vuln + ?, ecosystem, name, data FROM ${affected} WHERE rowid BETWEEN ? AND ?`),
    };
  }

  /** A descriptor of the file for `writeBack`, closed after the database. */
  private wbFd: number | undefined;
  private wbPending: Promise<void> | undefined;

  /**
   * Starts writing what is committed so far to disk in the background (an fsync on libuv's thread
   * pool), so that the fsync before the rename finds little left to write. A hint only: the rename
   * still fsyncs the finished file first.
   */
  private writeBack(): void {
    if (this.wbPending) return;
    try {
      this.wbFd ??= openSync(this.path, 'r');
    } catch {
      return;
    }
    const fd = this.wbFd;
    this.wbPending = new Promise((resolve) =>
      fsync(fd, () => {
        this.wbPending = undefined;
        resolve();
      }),
    );
  }

  /** Closes the writeback descriptor once no fsync uses it (after the database is closed). */
  private closeWriteBack(): void {
    const fd = this.wbFd;
    if (fd === undefined) return;
    this.wbFd = undefined;
    const close = () => {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    };
    if (this.wbPending) void this.wbPending.then(close);
    else close();
  }

  /** Adds one record; returns false when a record with that id is already in (first one wins). */
  add(rec: PreparedRecord, source: string): boolean {
    if (!this.claim(rec.id)) return false;
    const rid = ++this.rid;
    this.insVuln.run(rid, rec.id, source, ...rec.cols);
    for (const a of rec.affected) this.insAff.run(rid, a[0], a[1], a[2]);
    if (++this.pending >= 20000) {
      this.db.exec('COMMIT');
      this.db.exec('BEGIN');
      this.pending = 0;
    }
    return true;
  }

  /** Records metadata and closes the file so it can be renamed into place. */
  finish(meta: { builtAt: string }): void {
    this.detachShards();
    this.db.exec('COMMIT');
    const put = this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    put.run('schema_version', DB_SCHEMA_VERSION);
    put.run('built_at', meta.builtAt);
    put.run('sources', JSON.stringify(this.sources));
    this.db.pragma('journal_mode = DELETE');
    this.db.close();
    this.closeWriteBack();
  }

  abort(): void {
    try {
      this.db.close();
    } catch {
      // already closed
    }
    this.closeWriteBack();
  }
}

/**
 * Lets go of a copied shard: an in-memory one is freed with the connection that held it; a shard
 * file is deleted on libuv's thread pool (freeing a file's blocks is kernel work the import's main
 * thread need not wait for). The import lets go of whatever is left of its shards when it ends,
 * whichever way it ends.
 */
function discard(file: string): void {
  const holder = holders.get(file);
  if (holder) {
    holders.delete(file);
    holder.close();
  } else if (!isMemoryShard(file)) {
    unlink(file, () => {});
  }
}

/** Connections that keep finished in-memory shards alive until their rows are copied, by name. */
const holders = new Map<string, Database.Database>();

let memoryShards: boolean | undefined;

/**
 * A name prefix for scratch shards in SQLite's in-memory VFS (`memdb`), or undefined when URI
 * names are off. A memdb database whose name begins with "/" is shared by every connection of the
 * process, worker threads included: a worker writes a shard there and the main thread attaches it
 * by name, so no shard page is written to or read back from a file. It lives while a connection
 * to it is open: the main thread opens one (`holdShard`) before the worker lets go of its own.
 */
export function memoryShardPrefix(): string | undefined {
  if (memoryShards === undefined) {
    const name = `file:/drydock-probe-${process.pid}-${randomBytes(6).toString('hex')}?vfs=memdb`;
    try {
      const db = new (sqlite())(name);
      // With URI names off, the name is taken as a relative path (which opens only if the working
      // directory holds a `file:` directory): such a file is removed again.
      const file = (db.prepare(`SELECT file FROM pragma_database_list WHERE name = 'main'`).get() as { file: string }).file;
      db.close();
      memoryShards = file === '';
      if (file !== '') rmSync(file, { force: true });
    } catch {
      memoryShards = false;
    }
  }
  return memoryShards ? `file:/drydock-shard-${process.pid}-${randomBytes(6).toString('hex')}` : undefined;
}

/** The name of shard `n` under a prefix (a shard file's path, or a memdb URI). */
export function shardName(prefix: string, n: number): string {
  return isMemoryShard(prefix) ? `${prefix}-${n}?vfs=memdb` : `${prefix}-${n}`;
}

function isMemoryShard(file: string): boolean {
  return file.startsWith('file:/drydock-shard-');
}

/** Keeps a finished in-memory shard alive (see `memoryShardPrefix`); a no-op for a shard file. */
export function holdShard(file: string): void {
  if (isMemoryShard(file) && !holders.has(file)) holders.set(file, new (sqlite())(file));
}

/** How many in-memory shards are held now (tests: none once an import is over). */
export function heldShards(): number {
  return holders.size;
}

/**
 * Lets go of every shard left under this prefix (the import is over or abandoned): in-memory ones
 * still held, and shard files still on disk.
 */
export function discardShards(prefix: string): void {
  for (const [file, db] of holders) {
    if (!file.startsWith(prefix)) continue;
    holders.delete(file);
    db.close();
  }
  if (isMemoryShard(prefix)) return;
  const dir = dirname(prefix);
  const base = basename(prefix);
  for (const name of readdirSync(dir)) if (name.startsWith(base)) rmSync(join(dir, name), { force: true });
}

/** A run of rows of one shard and where they go in the database being built. */
export interface ShardSegment {
  /** Shard row ids (inclusive). */
  lo: number;
  hi: number;
  /** Added to a shard row id to give the row id in the database. */
  delta: number;
  /** Shard rowids of the affected rows of those records (inclusive). */
  affLo: number;
  affHi: number;
}

const SHARD_SCHEMA = recordTables(false);

/**
 * A scratch database an import worker writes its records into, numbered 1, 2, … in the order
 * they come; the main thread then copies it into the real database (DatabaseBuilder.appendShards).
 * It is held in memory (see `memoryShardPrefix`), or else is a file next to the new database file,
 * deleted with it; nothing reads it otherwise, so it is written without journal or syncs. The main
 * thread's own shards are temporary tables of the database's connection instead
 * (DatabaseBuilder.localShard).
 */
export class ShardWriter {
  private readonly db: Database.Database;
  /** Tables written: a shard file's own, or temporary tables of the database being built. */
  private readonly vulnsTable: string;
  private readonly affTable: string;
  private readonly own: boolean;
  /** An in-memory shard: sealed (committed) first, closed once the main thread holds it. */
  private readonly memory: boolean = false;
  private readonly vulnStmts = new Map<number, Database.Statement>();
  private readonly affStmts = new Map<number, Database.Statement>();
  /** Rows waiting to be written: several rows per statement cost less than one each. */
  private vulnRows: unknown[] = [];
  private affRows: unknown[] = [];
  /** The last row ids handed out. */
  rid = 0;
  affRowid = 0;

  constructor(readonly path: string, local?: { db: Database.Database; vulns: string; affected: string }) {
    if (local) {
      this.db = local.db;
      this.own = false;
      this.vulnsTable = local.vulns;
      this.affTable = local.affected;
      this.db.exec(SHARD_SCHEMA.replace('TABLE vulns', `TEMP TABLE ${local.vulns}`).replace('TABLE affected', `TEMP TABLE ${local.affected}`));
      return;
    }
    this.own = true;
    this.vulnsTable = 'vulns';
    this.affTable = 'affected';
    this.memory = isMemoryShard(path);
    this.db = new (sqlite())(path);
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    // A shard in memory is read through another connection while this one still holds it open.
    if (!this.memory) this.db.pragma('locking_mode = EXCLUSIVE');
    this.db.pragma('cache_size = -65536');
    this.db.exec(SHARD_SCHEMA);
    this.db.exec('BEGIN');
  }

  add(rec: PreparedRecord): void {
    const rid = ++this.rid;
    const c = rec.cols;
    this.vulnRows.push(rid, rec.id, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
    for (const a of rec.affected) this.affRows.push(++this.affRowid, rid, a[0], a[1], a[2]);
    if (this.vulnRows.length >= SHARD_BATCH * 10) this.flush();
  }

  /**
   * Writes the rows added so far. Values are passed as arguments, not as one array: better-sqlite3
   * reads an array's elements one by one through V8's object API, which costs more.
   */
  flush(): void {
    const v = this.vulnRows;
    const a = this.affRows;
    this.vulnRows = [];
    this.affRows = [];
    if (v.length > 0) this.statement(this.vulnStmts, `INSERT OR FAIL INTO ${this.vulnsTable} VALUES `, '(?,?,?,?,?,?,?,?,?,?)', v.length / 10).run(...v);
    for (let i = 0; i < a.length; i += SHARD_AFF_BATCH * 5) {
      const part = a.length - i <= SHARD_AFF_BATCH * 5 && i === 0 ? a : a.slice(i, i + SHARD_AFF_BATCH * 5);
      this.statement(this.affStmts, `INSERT OR FAIL INTO ${this.affTable} (rowid, vuln, ecosystem, name, data) VALUES `, '(?,?,?,?,?)', part.length / 5).run(...part);
    }
  }

  private statement(cache: Map<number, Database.Statement>, head: string, row: string, n: number): Database.Statement {
    let st = cache.get(n);
    if (!st) cache.set(n, (st = this.db.prepare(head + Array<string>(n).fill(row).join(','))));
    return st;
  }

  /**
   * Writes out what is left and commits. A shard file is closed; an in-memory shard stays open
   * (it would vanish with its last connection) until `release`.
   */
  close(): void {
    this.flush();
    if (!this.own) return;
    if (this.db.inTransaction) this.db.exec('COMMIT');
    if (!this.memory) this.db.close();
  }

  /** Closes an in-memory shard's connection once another one holds it. */
  release(): void {
    if (this.memory) this.db.close();
  }

  abort(): void {
    if (!this.own) return;
    try {
      this.db.close();
    } catch {
      // already closed
    }
  }
}

/** Records per multi-row insert into a shard, and affected rows per insert. */
const SHARD_BATCH = 16;
const SHARD_AFF_BATCH = 64;
