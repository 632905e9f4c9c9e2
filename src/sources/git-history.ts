import { spawn } from 'node:child_process';
import type { VirtualFile } from '../analyzers/types.js';
import type { ScanError, ScanNote } from '../model/index.js';

export interface GitHistoryOptions {
  /** Scan only commits after this revision (`REV..HEAD`). */
  since?: string;
  /** Revision whose history is walked (default HEAD). Ignored when `all` is set. */
  rev?: string;
  /** Walk every ref, not just `rev`. */
  all?: boolean;
  /** Most commits read (newest first). */
  maxCommits?: number;
  /** Most bytes of `git log -p` output read; the rest is skipped with a note. */
  maxOutputBytes?: number;
  /** Bytes of added lines kept per file of one commit. */
  maxFileBytes?: number;
  /** The git executable. */
  git?: string;
}

export type GitHistoryItem =
  | { type: 'file'; file: VirtualFile }
  | { type: 'error'; error: ScanError }
  | { type: 'note'; note: ScanNote };

export const DEFAULT_GIT_HISTORY_OPTIONS = {
  maxCommits: 10_000,
  maxOutputBytes: 1024 * 1024 * 1024,
  maxFileBytes: 8 * 1024 * 1024,
};

const COMMIT_MARK = '\u0001drydock-commit\u0001';

/**
 * Yields, for each commit, one virtual file per changed file holding only the lines that commit
 * added, each at its own line number (other lines are blank), with `origin.commit`. A secret that
 * was committed and deleted later is still yielded by the commit that added it.
 * Reads `git log -p` as a stream; nothing is executed but git, and no shell.
 */
export async function* gitHistoryFiles(repoDir: string, options: GitHistoryOptions = {}): AsyncGenerator<GitHistoryItem> {
  const o = { ...DEFAULT_GIT_HISTORY_OPTIONS, ...options };
  for (const rev of [o.since, o.rev]) {
    if (rev !== undefined && (rev.startsWith('-') || /[\s\0]/.test(rev))) {
      yield { type: 'error', error: { path: repoDir, message: `invalid revision ${JSON.stringify(rev)}`, code: 'git-invalid-revision' } };
      return;
    }
  }
  const range = o.all ? ['--all'] : [o.since ? `${o.since}..${o.rev ?? 'HEAD'}` : (o.rev ?? 'HEAD')];
  const args = [
    '-c', 'core.quotepath=off', '-c', 'diff.noprefix=false', '-C', repoDir,
    'log', '-p', '--no-color', '--no-ext-diff', '--no-textconv', '--unified=0', '--diff-filter=AMCR', '--no-renames',
    `--max-count=${o.maxCommits}`, `--format=${COMMIT_MARK}%H%x00%an <%ae>%x00%aI`, ...range, '--',
  ];
  const child = spawn(o.git ?? 'git', args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GIT_PAGER: 'cat', GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' } });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    if (stderr.length < 4096) stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on('close', (code) => resolve(code));
    child.on('error', (err) => {
      stderr += String(err.message);
      resolve(-1);
    });
  });

  let commit: { sha: string; author: string; date: string } | undefined;
  let file: { path: string; lines: Map<number, Buffer>; bytes: number; truncated: boolean } | undefined;
  let nextLine = 0;
  let read = 0;
  let stopped = false;

  const flush = (): GitHistoryItem[] => {
    const out: GitHistoryItem[] = [];
    if (file && commit && file.lines.size > 0) {
      const nums = [...file.lines.keys()].sort((a, b) => a - b);
      const parts: Buffer[] = [];
      let line = 1;
      for (const n of nums) {
        if (n > line) parts.push(Buffer.alloc(n - line, 10));
        parts.push(file.lines.get(n)!, Buffer.from([10]));
        line = n + 1;
      }
      out.push({ type: 'file', file: { path: file.path, bytes: Buffer.concat(parts), origin: { commit } } });
      if (file.truncated) out.push({ type: 'note', note: { path: file.path, code: 'git-history-size-cap', message: `commit ${commit.sha.slice(0, 12)} adds more than ${o.maxFileBytes} bytes to this file; the rest was not scanned` } });
    }
    file = undefined;
    return out;
  };

  const handle = (raw: Buffer): GitHistoryItem[] => {
    let line = raw;
    if (line.length > 0 && line[line.length - 1] === 13) line = line.subarray(0, line.length - 1);
    const c0 = line[0];
    if (c0 === 0x01 && line.subarray(0, COMMIT_MARK.length).toString('latin1') === COMMIT_MARK) {
      const out = flush();
      const [sha, author, date] = line.subarray(COMMIT_MARK.length).toString('utf8').split('\0');
      commit = { sha: sha ?? '', author: author ?? '', date: date ?? '' };
      return out;
    }
    if (c0 === 0x64 /* d */ && line.subarray(0, 11).toString('latin1') === 'diff --git ') return flush();
    if (c0 === 0x2b /* + */ && line[1] === 0x2b && line[2] === 0x2b && line[3] === 0x20) {
      const p = line.subarray(4).toString('utf8');
      if (p !== '/dev/null') file = { path: p.startsWith('b/') ? p.slice(2) : p, lines: new Map(), bytes: 0, truncated: false };
      return [];
    }
    if (c0 === 0x40 /* @ */ && line[1] === 0x40) {
      const m = /^@@+ [^@]*\+(\d+)(?:,(\d+))? @@/.exec(line.subarray(0, 200).toString('latin1'));
      if (m) nextLine = Number(m[1]);
      return [];
    }
    if (c0 === 0x2b && file) {
      const content = line.subarray(1);
      if (file.bytes + content.length + 1 > o.maxFileBytes) file.truncated = true;
      else {
        file.lines.set(nextLine, Buffer.from(content));
        file.bytes += content.length + 1;
      }
      nextLine++;
      return [];
    }
    if (c0 === 0x20 && file) nextLine++;
    return [];
  };

  let pending: Buffer[] = [];
  let pendingBytes = 0;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      read += chunk.length;
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
        let lineBuf = chunk.subarray(start, nl);
        if (pending.length > 0) {
          lineBuf = Buffer.concat([...pending, lineBuf]);
          pending = [];
          pendingBytes = 0;
        }
        start = nl + 1;
        for (const item of handle(lineBuf)) yield item;
      }
      if (start < chunk.length) {
        // Keep at most maxFileBytes of an unterminated line; a longer one is cut.
        if (pendingBytes < o.maxFileBytes) {
          pending.push(chunk.subarray(start));
          pendingBytes += chunk.length - start;
        }
      }
      if (read > o.maxOutputBytes) {
        stopped = true;
        child.kill();
        yield { type: 'note', note: { path: repoDir, code: 'git-history-size-cap', message: `git history output over ${o.maxOutputBytes} bytes; older commits were not scanned` } };
        break;
      }
    }
    if (!stopped && pending.length > 0) for (const item of handle(Buffer.concat(pending))) yield item;
    if (!stopped) for (const item of flush()) yield item;
  } finally {
    if (child.exitCode === null) child.kill();
  }
  const code = await exited;
  if (!stopped && code !== 0) {
    yield { type: 'error', error: { path: repoDir, message: `git log failed: ${stderr.trim().split('\n')[0] ?? `exit ${code}`}`, code: 'git-error' } };
  }
}
