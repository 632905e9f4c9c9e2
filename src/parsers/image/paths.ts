/** Result of normalising a tar entry name to a path inside the image root (no leading slash). */
export interface NormalizedPath {
  /** '' is the root itself. */
  path: string;
  /** The name started with '/'. */
  absolute: boolean;
  /** A '..' climbed above the root: the entry must not be used. */
  escapes: boolean;
}

export function normalizeEntryPath(name: string): NormalizedPath {
  const absolute = name.startsWith('/');
  const out: string[] = [];
  let escapes = false;
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) escapes = true;
      else out.pop();
      continue;
    }
    out.push(part);
  }
  return { path: out.join('/'), absolute, escapes };
}

/**
 * Where a symbolic link at `linkPath` points, resolved lexically inside the image root. Absolute
 * targets are inside the root by definition; a relative target that climbs above it escapes.
 */
export function resolveSymlinkTarget(linkPath: string, target: string): NormalizedPath {
  if (target.startsWith('/')) return { ...normalizeEntryPath(target), absolute: true };
  const dir = linkPath.includes('/') ? linkPath.slice(0, linkPath.lastIndexOf('/')) : '';
  return normalizeEntryPath(dir ? `${dir}/${target}` : target);
}

export function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export const WHITEOUT_PREFIX = '.wh.';
export const OPAQUE_MARKER = '.wh..wh..opq';
