import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkFilesSync, type WalkItem, type WalkOptions } from './filesystem.js';

let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'drydock-walk-'));
  mkdirSync(path.join(root, 'b/deep'), { recursive: true });
  mkdirSync(path.join(root, 'a'), { recursive: true });
  mkdirSync(path.join(root, 'node_modules/x'), { recursive: true });
  mkdirSync(path.join(root, 'skipme'), { recursive: true });
  writeFileSync(path.join(root, 'top.yaml'), 'kind: A\n');
  writeFileSync(path.join(root, 'a/one.yaml'), 'kind: B\n');
  writeFileSync(path.join(root, 'b/two.yaml'), 'kind: C\n');
  writeFileSync(path.join(root, 'b/deep/three.yml'), 'kind: D\n');
  writeFileSync(path.join(root, 'b/deep/notes.txt'), 'not wanted\n');
  writeFileSync(path.join(root, 'node_modules/x/pkg.yaml'), 'kind: E\n');
  writeFileSync(path.join(root, 'skipme/four.yaml'), 'kind: F\n');
  symlinkSync(path.join(root, 'b'), path.join(root, 'b/deep/loop'));
  symlinkSync('/etc', path.join(root, 'outside'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const options = (over: Partial<WalkOptions> = {}): WalkOptions => ({
  skipDirNames: ['node_modules'],
  skipDirs: [],
  skipFiles: [],
  maxFileSize: 1 << 20,
  wants: (rel) => /\.ya?ml$/.test(rel),
  ...over,
});

function summary(items: Iterable<WalkItem>): string[] {
  return [...items].map((i) => (i.type === 'file' ? `file ${i.file.path}` : i.type === 'error' ? `error ${i.error.path} ${i.error.code}` : `note ${i.note.path} ${i.note.code}`));
}

describe('walkFilesSync', () => {
  it('yields every wanted file once, with its path under the root as given', () => {
    expect(summary(walkFilesSync(root, options(), 'repo')).sort()).toEqual([
      'error repo/b/deep/loop symlink-loop',
      'file repo/a/one.yaml',
      'file repo/b/deep/three.yml',
      'file repo/b/two.yaml',
      'file repo/skipme/four.yaml',
      'file repo/top.yaml',
      'note repo/outside outside-root',
    ]);
  });

  it('shows paths relative to a root given as "." and drops trailing slashes', () => {
    expect(summary(walkFilesSync(root, options(), '.'))).toContain('file a/one.yaml');
    expect(summary(walkFilesSync(root, options(), './'))).toContain('file b/deep/three.yml');
    expect(summary(walkFilesSync(root, options(), 'repo///'))).toContain('file repo/a/one.yaml');
    expect(summary(walkFilesSync(`${root}/`, options(), 'repo'))).toContain('file repo/b/deep/three.yml');
  });

  it('matches skip globs and wants() against the path relative to the root', () => {
    const seen: string[] = [];
    const items = summary(
      walkFilesSync(root, options({ skipDirs: ['skipme'], skipFiles: ['three.yml'], wants: (rel) => (seen.push(rel), rel.endsWith('.yaml')) }), 'r'),
    ).sort();
    expect(items).toEqual(['error r/b/deep/loop symlink-loop', 'file r/a/one.yaml', 'file r/b/two.yaml', 'file r/top.yaml', 'note r/outside outside-root']);
    expect(seen).toContain('b/deep/notes.txt');
    expect(seen).not.toContain('b/deep/three.yml');
  });

  it('reads a single file given as the root under the name it was given', () => {
    expect(summary(walkFilesSync(path.join(root, 'top.yaml'), options(), 'top.yaml'))).toEqual(['file top.yaml']);
  });

  it('hands over the bytes of each file', () => {
    const first = [...walkFilesSync(path.join(root, 'a'), options(), 'a')][0];
    expect(first?.type === 'file' && first.file.bytes.toString()).toBe('kind: B\n');
  });
});
