import { statSync } from 'node:fs';
import { readImageArchiveFile } from './archive.js';
import { dockerSocketPath, engineHasImage, readFromEngine } from './docker-engine.js';
import { ImageError } from './errors.js';
import { readOciLayout } from './layout.js';
import { pullImage } from './registry.js';
import type { ReadImage, ReadImageOptions } from './types.js';

export interface OpenImageOptions extends ReadImageOptions {
  /** A docker save tarball, an OCI layout tarball or an OCI layout directory. */
  input?: string;
}

function fromPath(path: string, reference: string, options: ReadImageOptions): Promise<ReadImage> {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new ImageError('not-found', `no such file or directory: ${path}`);
  }
  if (st.isDirectory()) return readOciLayout(path, reference, options);
  return readImageArchiveFile(path, reference, options);
}

/** Splits `PATH[:name]` where the name part has no slash (paths may contain colons only before it). */
function splitTransport(rest: string): { path: string; name?: string } {
  const i = rest.lastIndexOf(':');
  if (i > 0 && !rest.slice(i + 1).includes('/')) return { path: rest.slice(0, i), name: rest.slice(i + 1) };
  return { path: rest };
}

/**
 * Opens an image from wherever it is: `--input` (tarball or OCI layout), a transport prefix
 * (`docker-archive:`, `oci-archive:`, `oci:`, `docker-daemon:`, `docker://`), an existing path,
 * a local Docker engine that has the image, or else the registry.
 */
export async function openImage(ref: string, options: OpenImageOptions = {}): Promise<ReadImage> {
  if (options.input) return fromPath(options.input, ref, options);
  const m = /^(docker-archive|oci-archive|oci|docker-daemon|docker):(.*)$/.exec(ref);
  if (m) {
    const [, transport, rest] = m as unknown as [string, string, string];
    if (transport === 'docker') return pullImage(rest.replace(/^\/\//, ''), options);
    if (transport === 'docker-daemon') {
      const socket = dockerSocketPath(options.dockerSocket);
      if (!socket) throw new ImageError('engine-error', 'no Docker engine socket found (DOCKER_HOST or /var/run/docker.sock)');
      return readFromEngine(socket, rest, options);
    }
    const { path, name } = splitTransport(rest);
    return fromPath(path, name ?? '', name ? { ...options, select: name } : options);
  }
  let isPath = false;
  try {
    statSync(ref);
    isPath = ref.includes('/') || ref.includes('.') ? true : false;
  } catch {
    isPath = false;
  }
  if (isPath) return fromPath(ref, '', options);
  const socket = dockerSocketPath(options.dockerSocket);
  if (socket && (await engineHasImage(socket, ref))) return readFromEngine(socket, ref, options);
  return pullImage(ref, options);
}
