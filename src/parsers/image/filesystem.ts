import { basename, dirname, OPAQUE_MARKER, WHITEOUT_PREFIX } from './paths.js';

export type EntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo' | 'other';

/** One tar entry of one layer, after validation. Paths have no leading slash. */
export interface LayerEntry {
  path: string;
  type: EntryType;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  linkname?: string;
  /** Buffered content, for wanted files only. */
  bytes?: Uint8Array;
}

export interface LayerListing {
  /** The layer's id shown to users: its diff id (sha256 of the uncompressed tar). */
  id: string;
  entries: LayerEntry[];
}

/** A file of the image: where it lives, which layer put it there, and whether it survives. */
export interface ImageFile extends LayerEntry {
  layer: string;
  /** 0-based layer index. */
  layerIndex: number;
  /** Not in the final filesystem: deleted by a whiteout, or replaced by a later layer. */
  removed?: 'deleted' | 'replaced';
  /** For hardlinks: the resolved target path. */
  linkTarget?: string;
}

export interface FilesystemProblem {
  path: string;
  layer: string;
  code: string;
  message: string;
}

interface Node {
  file?: ImageFile;
  children?: Map<string, Node>;
}

/**
 * Applies layers in order, as overlayfs would: `.wh.NAME` deletes NAME from the layers below,
 * `.wh..wh..opq` empties a directory of what the layers below put in it, and a later entry replaces
 * an earlier one. Files that are deleted or replaced are kept in `removed`: they are still in the
 * image's blobs, so secrets in them are still leaked.
 */
export function applyLayers(layers: readonly LayerListing[]): { files: ImageFile[]; removed: ImageFile[]; problems: FilesystemProblem[] } {
  const root: Node = { children: new Map() };
  const removed: ImageFile[] = [];
  const problems: FilesystemProblem[] = [];

  const lookup = (path: string, create: boolean): Node | undefined => {
    if (path === '') return root;
    let node = root;
    for (const part of path.split('/')) {
      node.children ??= new Map();
      let next = node.children.get(part);
      if (!next) {
        if (!create) return undefined;
        next = {};
        node.children.set(part, next);
      }
      node = next;
    }
    return node;
  };

  const dropSubtree = (node: Node, reason: 'deleted' | 'replaced', self: boolean) => {
    const stack: Node[] = [];
    if (self) stack.push(node);
    else if (node.children) stack.push(...node.children.values());
    while (stack.length) {
      const n = stack.pop()!;
      if (n.file) removed.push({ ...n.file, removed: reason });
      if (n.children) stack.push(...n.children.values());
    }
    if (!self) node.children = new Map();
  };

  layers.forEach((layer, layerIndex) => {
    // Whiteouts act on the layers below only, so apply them before this layer's own entries.
    for (const e of layer.entries) {
      const name = basename(e.path);
      if (!name.startsWith(WHITEOUT_PREFIX)) continue;
      const dir = dirname(e.path);
      if (name === OPAQUE_MARKER) {
        const node = lookup(dir, false);
        if (node) dropSubtree(node, 'deleted', false);
        continue;
      }
      const target = name.slice(WHITEOUT_PREFIX.length);
      if (target === '' || target === '.' || target === '..') {
        problems.push({ path: e.path, layer: layer.id, code: 'bad-whiteout', message: `whiteout "${e.path}" names no file` });
        continue;
      }
      const parent = lookup(dir, false);
      const node = parent?.children?.get(target);
      if (node && parent?.children) {
        dropSubtree(node, 'deleted', true);
        parent.children.delete(target);
      }
    }
    for (const e of layer.entries) {
      if (basename(e.path).startsWith(WHITEOUT_PREFIX) || e.path === '') continue;
      const node = lookup(e.path, true)!;
      if (node.file) {
        // A directory declared again stays the same directory; anything else is replaced.
        if (!(node.file.type === 'dir' && e.type === 'dir')) removed.push({ ...node.file, removed: 'replaced' });
        // A non-directory replaces a whole directory tree.
        if (e.type !== 'dir' && node.children?.size) dropSubtree(node, 'replaced', false);
      }
      node.file = { ...e, layer: layer.id, layerIndex };
    }
  });

  const files: ImageFile[] = [];
  const stack: [string, Node][] = [];
  for (const [name, n] of root.children!) stack.push([name, n]);
  while (stack.length) {
    const [path, n] = stack.pop()!;
    if (n.file) files.push(n.file);
    if (n.children) for (const [name, c] of n.children) stack.push([`${path}/${name}`, c]);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  // Hardlinks: point each at its final target; a chain that loops is reported, never followed further.
  const byPath = new Map(files.map((f) => [f.path, f]));
  for (const f of files) {
    if (f.type !== 'hardlink' || f.linkname === undefined) continue;
    const seen = new Set<string>([f.path]);
    let cur: ImageFile | undefined = byPath.get(f.linkname);
    let loop = false;
    while (cur && cur.type === 'hardlink' && cur.linkname !== undefined) {
      if (seen.has(cur.path) || seen.size > 64) {
        loop = true;
        break;
      }
      seen.add(cur.path);
      cur = byPath.get(cur.linkname);
    }
    if (loop || f.linkname === f.path) {
      problems.push({ path: f.path, layer: f.layer, code: 'hardlink-loop', message: `hard link "/${f.path}" is part of a loop of hard links; not followed` });
      continue;
    }
    if (!cur) continue;
    f.linkTarget = cur.path;
    if (cur.type === 'file') {
      f.size = cur.size;
      if (f.bytes === undefined && cur.bytes !== undefined) f.bytes = cur.bytes;
    }
  }
  return { files, removed, problems };
}
