import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Cataloger, OsRecord } from '../types.js';
import { berkeleyHashValues } from './rpm-bdb.js';
import { ndbBlobs } from './rpm-ndb.js';
import { parseRpmHeader, RPMTAG, splitSourceRpm } from './rpm-header.js';

// rpm ≥ 4.16 keeps its database in SQLite; Fedora ≥ 36 moved it to /usr/lib/sysimage/rpm.
const SQLITE = /^(?:var\/lib\/rpm|usr\/lib\/sysimage\/rpm|usr\/share\/rpm)\/rpmdb\.sqlite$/;
// Before rpm 4.16: a Berkeley DB hash database.
const BDB = /^(?:var\/lib\/rpm|usr\/lib\/sysimage\/rpm)\/Packages$/;
// openSUSE and SLE: the ndb format.
const NDB = /^(?:var\/lib\/rpm|usr\/lib\/sysimage\/rpm)\/Packages\.db$/;
const MAX_DB = 512 * 1024 * 1024;
const MAX_PACKAGES = 100_000;

export function rpmRecordsFromBlobs(blobs: Iterable<Uint8Array>, problems: string[]): OsRecord[] {
  const out: OsRecord[] = [];
  for (const blob of blobs) {
    let h;
    try {
      h = parseRpmHeader(blob);
    } catch (err) {
      problems.push(err instanceof Error ? err.message : String(err));
      continue;
    }
    const name = h.strings.get(RPMTAG.NAME);
    const version = h.strings.get(RPMTAG.VERSION);
    const release = h.strings.get(RPMTAG.RELEASE);
    // Imported signing keys live in the database as pseudo-packages.
    if (!name || !version || name === 'gpg-pubkey') continue;
    const full = release ? `${version}-${release}` : version;
    const epoch = h.ints.get(RPMTAG.EPOCH);
    const rec: OsRecord = { kind: 'rpm', name, version: epoch ? `${epoch}:${full}` : full };
    if (epoch) rec.epoch = epoch;
    const arch = h.strings.get(RPMTAG.ARCH);
    if (arch) rec.arch = arch;
    const lic = h.strings.get(RPMTAG.LICENSE);
    if (lic) rec.licenses = [lic];
    const srpm = h.strings.get(RPMTAG.SOURCERPM);
    const src = srpm ? splitSourceRpm(srpm) : undefined;
    if (src) {
      rec.sourceName = src.name;
      rec.sourceVersion = epoch ? `${epoch}:${src.version}` : src.version;
    }
    out.push(rec);
    if (out.length >= MAX_PACKAGES) break;
  }
  return out;
}

type Database = { prepare(sql: string): { iterate(): Iterable<{ blob: Uint8Array }> }; close(): void };
let openDatabase: ((file: string, opts: object) => Database) | undefined;

/** Reads the header blobs of an rpmdb.sqlite held in memory, through a private temporary copy. */
export function readRpmSqlite(bytes: Uint8Array, problems: string[], tempRoot = tmpdir()): OsRecord[] {
  if (bytes.length > MAX_DB) throw new Error(`rpm database is larger than ${MAX_DB} bytes`);
  if (Buffer.from(bytes.subarray(0, 16)).toString('latin1') !== 'SQLite format 3\0') throw new Error('not an SQLite database');
  openDatabase ??= createRequire(import.meta.url)('better-sqlite3') as (file: string, opts: object) => Database;
  const dir = mkdtempSync(path.join(tempRoot, 'drydock-rpmdb-'));
  try {
    const file = path.join(dir, 'rpmdb.sqlite');
    writeFileSync(file, bytes, { mode: 0o600 });
    // A private copy: opened writable so a WAL-mode database needs no pre-existing -shm file.
    const db = openDatabase(file, { fileMustExist: true });
    try {
      const rows = db.prepare('SELECT blob FROM Packages').iterate();
      return rpmRecordsFromBlobs((function* () {
        for (const r of rows) if (r.blob instanceof Uint8Array) yield r.blob;
      })(), problems);
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const rpmCataloger: Cataloger = {
  id: 'rpm',
  wants: (p) => SQLITE.test(p) || BDB.test(p) || NDB.test(p),
  parse(bytes, p) {
    const problems: string[] = [];
    if (BDB.test(p)) {
      // Small values are bookkeeping (the next instance number), not headers.
      const blobs = berkeleyHashValues(bytes, problems).filter((v) => v.length >= 16);
      return { os: rpmRecordsFromBlobs(blobs, problems), problems };
    }
    if (NDB.test(p)) return { os: rpmRecordsFromBlobs(ndbBlobs(bytes, problems), problems), problems };
    const os = readRpmSqlite(bytes, problems);
    return { os, problems };
  },
};
