import { describe, expect, it } from 'vitest';
import { applyLayers, type LayerEntry } from './filesystem.js';

const f = (path: string, extra: Partial<LayerEntry> = {}): LayerEntry => ({ path, type: 'file', mode: 0o644, uid: 0, gid: 0, size: 1, ...extra });
const dir = (path: string): LayerEntry => ({ path, type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0 });

describe('applyLayers', () => {
  it('a whiteout deletes a file of a lower layer and keeps it as removed', () => {
    const out = applyLayers([
      { id: 'L1', entries: [dir('app'), f('app/id_rsa'), f('app/keep')] },
      { id: 'L2', entries: [f('app/.wh.id_rsa')] },
    ]);
    expect(out.files.map((x) => x.path)).toEqual(['app', 'app/keep']);
    expect(out.removed).toEqual([expect.objectContaining({ path: 'app/id_rsa', layer: 'L1', removed: 'deleted' })]);
  });

  it('a whiteout of a directory deletes its whole subtree', () => {
    const out = applyLayers([
      { id: 'L1', entries: [dir('a'), dir('a/b'), f('a/b/c'), f('a/d')] },
      { id: 'L2', entries: [f('.wh.a')] },
    ]);
    expect(out.files).toEqual([]);
    expect(out.removed.map((x) => x.path).sort()).toEqual(['a', 'a/b', 'a/b/c', 'a/d']);
  });

  it('an opaque directory hides lower content but keeps its own layer', () => {
    const out = applyLayers([
      { id: 'L1', entries: [dir('etc'), f('etc/old1'), f('etc/old2')] },
      { id: 'L2', entries: [dir('etc'), f('etc/.wh..wh..opq'), f('etc/new')] },
    ]);
    expect(out.files.map((x) => `${x.path}@${x.layer}`)).toEqual(['etc@L2', 'etc/new@L2']);
    expect(out.removed.map((x) => x.path).sort()).toEqual(['etc/old1', 'etc/old2']);
  });

  it('a whiteout does not delete a file the same layer adds', () => {
    const out = applyLayers([
      { id: 'L1', entries: [f('x', { size: 1 })] },
      { id: 'L2', entries: [f('.wh.x'), f('x', { size: 2 })] },
    ]);
    expect(out.files).toEqual([expect.objectContaining({ path: 'x', layer: 'L2', size: 2 })]);
    expect(out.removed).toEqual([expect.objectContaining({ path: 'x', layer: 'L1', removed: 'deleted' })]);
  });

  it('a later file replaces an earlier one; a file replacing a directory drops its tree', () => {
    const out = applyLayers([
      { id: 'L1', entries: [f('conf', { mode: 0o4755 }), dir('d'), f('d/x')] },
      { id: 'L2', entries: [f('conf'), f('d')] },
    ]);
    expect(out.files.map((x) => `${x.path}@${x.layer}:${x.type}`)).toEqual(['conf@L2:file', 'd@L2:file']);
    expect(out.removed.map((x) => `${x.path}:${x.removed}`).sort()).toEqual(['conf:replaced', 'd/x:replaced', 'd:replaced']);
  });

  it('a directory declared again is not reported as replaced', () => {
    const out = applyLayers([
      { id: 'L1', entries: [dir('usr')] },
      { id: 'L2', entries: [dir('usr'), f('usr/x')] },
    ]);
    expect(out.removed).toEqual([]);
  });

  it('whiteouts naming nothing are reported', () => {
    const out = applyLayers([{ id: 'L1', entries: [f('.wh.')] }]);
    expect(out.problems).toEqual([expect.objectContaining({ code: 'bad-whiteout' })]);
  });
});
