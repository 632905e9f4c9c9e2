import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MalformedRecordError, normalizeRecord } from '../osv.js';
import type { DatabaseBuilder } from './store.js';
import { DEFAULT_ZIP_LIMITS, ZipReader, type ZipLimits } from './zip.js';

export interface ImportStats {
  records: number;
  skipped: number;
  withdrawn: number;
  duplicates: number;
  /** The first few reasons records were skipped. */
  problems: string[];
}

const MAX_PROBLEMS = 20;
const MAX_FILE = 64 * 1024 * 1024;
const MAX_FILES = 2_000_000;

function emptyStats(): ImportStats {
  return { records: 0, skipped: 0, withdrawn: 0, duplicates: 0, problems: [] };
}

/** Parses and adds one JSON document; a malformed one is counted and skipped. */
function addJson(builder: DatabaseBuilder, bytes: Buffer, name: string, source: string, stats: ImportStats): void {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    skip(stats, `${name}: invalid JSON (${(e as Error).message})`);
    return;
  }
  // Some mirrors ship arrays of records in one file.
  const items = Array.isArray(raw) ? raw : [raw];
  for (const item of items) {
    try {
      const rec = normalizeRecord(item);
      if (!rec) {
        stats.withdrawn++;
        continue;
      }
      if (builder.add(rec, source)) stats.records++;
      else stats.duplicates++;
    } catch (e) {
      if (e instanceof MalformedRecordError) skip(stats, `${name}: ${e.message}`);
      else throw e;
    }
  }
}

function skip(stats: ImportStats, why: string): void {
  stats.skipped++;
  if (stats.problems.length < MAX_PROBLEMS) stats.problems.push(why);
}

/**
 * Imports every `.json` entry of an OSV ZIP archive. Archive-level damage (structure, CRC, unsafe
 * names, sizes) throws a ZipError and the caller abandons the new database; bad records are skipped.
 */
export function importZip(
  builder: DatabaseBuilder,
  path: string,
  source: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  onProgress?: (done: number, total: number) => void,
): ImportStats {
  const stats = emptyStats();
  const zip = new ZipReader(path, limits);
  try {
    const entries = zip.entries.filter((e) => !e.isDirectory && e.name.endsWith('.json'));
    let done = 0;
    for (const entry of entries) {
      const bytes = zip.readEntry(entry);
      addJson(builder, bytes, entry.name, source, stats);
      if (onProgress && ++done % 1000 === 0) onProgress(done, entries.length);
    }
    onProgress?.(entries.length, entries.length);
  } finally {
    zip.close();
  }
  return stats;
}

/** Imports every `.json` file below `dir`, without following symbolic links. */
export function importDirectory(builder: DatabaseBuilder, dir: string, source: string): ImportStats {
  const stats = emptyStats();
  let files = 0;
  const walk = (d: string, depth: number) => {
    if (depth > 32) return;
    for (const ent of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, ent.name);
      if (ent.isSymbolicLink()) continue;
      if (ent.isDirectory()) walk(p, depth + 1);
      else if (ent.isFile() && ent.name.endsWith('.json')) {
        if (++files > MAX_FILES) throw new Error(`more than ${MAX_FILES} files under ${dir}`);
        const size = lstatSync(p).size;
        if (size > MAX_FILE) {
          skip(stats, `${p}: ${size} bytes is over the ${MAX_FILE}-byte limit`);
          continue;
        }
        addJson(builder, readFileSync(p), p, source, stats);
      }
    }
  };
  walk(dir, 0);
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
