import { existsSync, statSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { readImageArchive } from './archive.js';
import { ImageError } from './errors.js';
import { resolveLimits } from './limits.js';
import type { ReadImage, ReadImageOptions } from './types.js';

/** The engine socket: DOCKER_HOST=unix://… or /var/run/docker.sock, when it exists. */
export function dockerSocketPath(explicit?: string | false): string | undefined {
  if (explicit === false) return undefined;
  if (explicit) return explicit;
  const host = process.env.DOCKER_HOST;
  const path = host?.startsWith('unix://') ? host.slice('unix://'.length) : host ? undefined : '/var/run/docker.sock';
  if (!path || !existsSync(path)) return undefined;
  try {
    return statSync(path).isSocket() ? path : undefined;
  } catch {
    return undefined;
  }
}

function get(socketPath: string, path: string, timeoutMs: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path, method: 'GET', headers: { host: 'docker' } }, resolve);
    req.setTimeout(timeoutMs, () => req.destroy(new ImageError('timeout', `Docker engine: no answer within ${timeoutMs} ms`)));
    req.on('error', (e) => reject(e instanceof ImageError ? e : new ImageError('engine-error', `Docker engine at ${socketPath}: ${e.message}`)));
    req.end();
  });
}

/** True when the engine has the image. */
export async function engineHasImage(socketPath: string, name: string, timeoutMs = 5000): Promise<boolean> {
  try {
    const res = await get(socketPath, `/images/${encodeURIComponent(name)}/json`, timeoutMs);
    res.resume();
    return res.statusCode === 200;
  } catch {
    return false;
  }
}

/** Reads an image from a Docker engine with `GET /images/{name}/get` (a docker save stream). */
export async function readFromEngine(socketPath: string, name: string, options: ReadImageOptions = {}): Promise<ReadImage> {
  const limits = resolveLimits(options.limits);
  const res = await get(socketPath, `/images/${encodeURIComponent(name)}/get`, limits.requestTimeoutMs);
  if (res.statusCode !== 200) {
    res.resume();
    throw new ImageError(res.statusCode === 404 ? 'not-found' : 'engine-error', `Docker engine: image "${name}" ${res.statusCode === 404 ? 'not found' : `could not be exported (HTTP ${res.statusCode})`}`);
  }
  res.setTimeout(limits.idleTimeoutMs, () => res.destroy(new ImageError('timeout', `Docker engine: no data for ${limits.idleTimeoutMs} ms`)));
  const image = await readImageArchive(res, name, { ...options, select: options.select ?? name });
  return { ...image, source: 'docker-engine' };
}
