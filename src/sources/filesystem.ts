import { closeSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { VirtualFile } from '../analyzers/types.js';
import type { ScanError, ScanNote } from '../model/index.js';

export interface WalkOptions {
  /** Directory names never entered. */
  skipDirNames: readonly string[];
  /** Globs (relative to the root) of directories to skip. */
  skipDirs: readonly string[];
  /** Globs (relative to the root) of files to skip. */
  skipFiles: readonly string[];
  /** Files larger than this are reported and not read. */
  maxFileSize: number;
  /** Read only files some analyzer wants. */
  wants(relPath: string): boolean;
}

export const DEFAULT_SKIP_DIR_NAMES = ['.git', 'node_modules', 'vendor'];

export type WalkItem =
  | { type: 'file'; file: VirtualFile }
  | { type: 'error'; error: ScanError }
  | { type: 'note'; note: ScanNote };

/**
 * Walks a directory tree and yields the files analyzers want, one at a time, so the tree is never
 * held in memory. Symbolic links are not followed: a link that loops or leaves the root is reported.
 */
export async function* walkFiles(root: string, options: WalkOptions, displayRoot: string = root): AsyncGenerator<WalkItem> {
  const rootStat = statSync(root);
  const absRoot = path.resolve(root);
  const realRoot = realpathSync(absRoot);
  const skipDir = options.skipDirs.length > 0 ? picomatch(options.skipDirs as string[], { dot: true }) : () => false;
  const skipFile = options.skipFiles.length > 0 ? picomatch(options.skipFiles as string[], { dot: true, matchBase: true }) : () => false;

  if (!rootStat.isDirectory()) {
    yield* readOne(absRoot, displayRoot, options);
    return;
  }

  const stack: string[] = [absRoot];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      yield { type: 'error', error: { path: displayPath(absRoot, dir, displayRoot), message: `cannot read directory: ${errMessage(err)}`, code: 'unreadable' } };
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      const rel = path.relative(absRoot, abs).split(path.sep).join('/');
      const shown = displayPath(absRoot, abs, displayRoot);
      if (entry.isDirectory()) {
        if (options.skipDirNames.includes(entry.name) || skipDir(rel)) continue;
        stack.push(abs);
      } else if (entry.isFile()) {
        if (skipFile(rel) || !options.wants(rel)) continue;
        yield* readOne(abs, shown, options);
      } else if (entry.isSymbolicLink()) {
        if (skipFile(rel)) continue;
        const problem = inspectLink(abs, realRoot);
        if (problem) yield problem.kind === 'error' ? { type: 'error', error: { path: shown, ...problem.item } } : { type: 'note', note: { path: shown, ...problem.item } };
      }
    }
  }
}

/**
 * Reads one file. Synchronous reads are several times faster than the promise API for the many
 * small files of a repository, and the walk still holds only one file at a time.
 */
function* readOne(abs: string, shown: string, options: WalkOptions): Generator<WalkItem> {
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const size = fstatSync(fd).size;
    if (size > options.maxFileSize) {
      yield {
        type: 'error',
        error: { path: shown, message: `file is ${formatBytes(size)}, over the ${formatBytes(options.maxFileSize)} limit (--max-file-size); not scanned`, code: 'too-large' },
      };
      return;
    }
    const bytes = Buffer.allocUnsafe(size);
    let off = 0;
    while (off < size) {
      const n = readSync(fd, bytes, off, size - off, off);
      if (n === 0) break;
      off += n;
    }
    yield { type: 'file', file: { path: shown, bytes: off === size ? bytes : bytes.subarray(0, off) } };
  } catch (err) {
    yield { type: 'error', error: { path: shown, message: `cannot read file: ${errMessage(err)}`, code: 'unreadable' } };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Links are never followed; those that loop, dangle or leave the root are worth a word. */
function inspectLink(abs: string, realRoot: string): { kind: 'error' | 'note'; item: { message: string; code: string } } | undefined {
  let target: string;
  try {
    target = realpathSync(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { kind: 'error', item: { message: 'symbolic link loop; not followed', code: 'symlink-loop' } };
    return { kind: 'note', item: { message: 'dangling symbolic link; not followed', code: 'dangling-link' } };
  }
  let realDir = path.dirname(abs);
  try {
    realDir = realpathSync(realDir);
  } catch {
    // keep the literal directory
  }
  if (realDir === target || realDir.startsWith(target + path.sep)) {
    return { kind: 'error', item: { message: 'symbolic link to an enclosing directory (a loop); not followed', code: 'symlink-loop' } };
  }
  if (target !== realRoot && !target.startsWith(realRoot + path.sep)) {
    return { kind: 'note', item: { message: 'symbolic link leaves the scanned directory; not followed', code: 'outside-root' } };
  }
  return undefined;
}

function displayPath(absRoot: string, abs: string, root: string): string {
  const rel = path.relative(absRoot, abs).split(path.sep).join('/');
  const base = root.replace(/\/+$/, '');
  if (base === '.' || base === '') return rel || '.';
  return rel ? `${base}/${rel}` : base;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

function errMessage(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code ? `${e.code}: ${e.message.replace(/^\w+: /, '')}` : String(e.message ?? err);
}
