import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../util/package-root.js';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import type { VirtualFile } from '../analyzers/types.js';
import type { SecretScanResult } from './engine.js';
import type { SecretMatch, SecretsSettings } from './types.js';

export interface SecretWorkerPool {
  readonly threads: number;
  /** Scans one file in a worker; the result is what `SecretScanner.scanFile` returns. */
  scan(path: string, bytes: Uint8Array): Promise<SecretScanResult>;
  close(): Promise<void>;
}

export interface SecretWorkerPoolOptions {
  /** Worker threads (default: available cores - 1, at least 1). */
  threads?: number;
  settings?: Partial<SecretsSettings>;
}

/** Results computed ahead by the pool, looked up by the secrets analyzer for the same file object. */
const precomputed = new WeakMap<VirtualFile, SecretScanResult>();

export function precomputedSecrets(file: VirtualFile): SecretScanResult | undefined {
  return precomputed.get(file);
}

/** worker_threads is loaded only when a pool starts: most scans never need one. */
const requireBuiltin = createRequire(import.meta.url);

function spawnWorker(settings: Partial<SecretsSettings>): Worker {
  const { Worker } = requireBuiltin('node:worker_threads') as typeof import('node:worker_threads');
  // Found from the package root: this module may be running from the single-file CLI bundle.
  const js = path.join(packageRoot(), 'dist/secrets/worker.js');
  if (existsSync(js) && !import.meta.url.endsWith('.ts')) return new Worker(js, { workerData: { settings } });
  // Running from the TypeScript sources (tests, tsx): register tsx's loader in the worker first.
  const ts = pathToFileURL(path.join(packageRoot(), 'src/secrets/worker.ts')).href;
  const boot = `(async () => { const { register } = await import('tsx/esm/api'); register(); await import(${JSON.stringify(ts)}); })().catch((e) => { throw e; });`;
  return new Worker(boot, { eval: true, workerData: { settings } });
}

/**
 * A pool of worker threads running the secret engine, for large trees. The engine is pure and
 * synchronous, so each worker holds its own scanner; files are sent by copy.
 */
export function createSecretWorkerPool(options: SecretWorkerPoolOptions = {}): SecretWorkerPool {
  const threads = Math.max(1, options.threads ?? availableParallelism() - 1);
  const workers = Array.from({ length: threads }, () => spawnWorker(options.settings ?? {}));
  const pending = new Map<number, { resolve(r: SecretScanResult): void; reject(e: Error): void }>();
  const load = new Array<number>(threads).fill(0);
  let nextId = 0;
  workers.forEach((w, i) => {
    w.on('message', (msg: { id: number; result?: SecretScanResult; secrets?: string[]; error?: string }) => {
      load[i]!--;
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.error !== undefined || !msg.result) return p.reject(new Error(msg.error ?? 'secret worker failed'));
      msg.result.matches.forEach((m, j) => Object.defineProperty(m, 'secret', { value: msg.secrets![j], enumerable: false }));
      p.resolve(msg.result);
    });
    w.on('error', (err) => {
      for (const [id, p] of pending) {
        pending.delete(id);
        p.reject(err);
      }
    });
  });
  return {
    threads,
    scan(path, bytes) {
      const id = nextId++;
      let best = 0;
      for (let i = 1; i < threads; i++) if (load[i]! < load[best]!) best = i;
      load[best]!++;
      return new Promise<SecretScanResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[best]!.postMessage({ id, path, bytes });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

type Item = { type: 'file'; file: VirtualFile } | { type: 'error' | 'note'; [k: string]: unknown };

/**
 * Passes a stream of walker items through the pool: files are scanned for secrets in the workers,
 * `inFlight` at a time, and yielded in their original order with the result attached, so the
 * secrets analyzer does not scan them again on the main thread.
 */
export async function* withSecretWorkers<T extends Item>(items: AsyncIterable<T> | Iterable<T>, pool: SecretWorkerPool, inFlight = pool.threads * 4): AsyncGenerator<T> {
  const queue: { item: T; done?: Promise<void> }[] = [];
  for await (const item of items) {
    if (item.type === 'file') {
      const file = (item as Extract<Item, { type: 'file' }>).file;
      queue.push({
        item,
        done: pool.scan(file.path, file.bytes).then(
          (r) => void precomputed.set(file, r),
          () => undefined, // the analyzer scans the file itself
        ),
      });
    } else queue.push({ item });
    while (queue.length > inFlight) {
      const head = queue.shift()!;
      await head.done;
      yield head.item;
    }
  }
  while (queue.length > 0) {
    const head = queue.shift()!;
    await head.done;
    yield head.item;
  }
}

/**
 * Scans the first `threshold` files on the main thread; when the tree turns out larger, starts a
 * pool and scans the rest in worker threads, closing the pool when the walk ends.
 */
export async function* secretWorkersForLargeTrees<T extends Item>(
  items: AsyncIterable<T> | Iterable<T>,
  options: SecretWorkerPoolOptions & { threshold: number },
): AsyncGenerator<T> {
  const it = (Symbol.asyncIterator in items ? (items as AsyncIterable<T>)[Symbol.asyncIterator]() : (items as Iterable<T>)[Symbol.iterator]()) as AsyncIterator<T> | Iterator<T>;
  let files = 0;
  for (;;) {
    const next = await it.next();
    if (next.done) return;
    yield next.value;
    if (next.value.type === 'file' && ++files >= options.threshold) break;
  }
  const rest: AsyncIterable<T> = { [Symbol.asyncIterator]: () => it as AsyncIterator<T> };
  const pool = createSecretWorkerPool(options);
  try {
    yield* withSecretWorkers(rest, pool);
  } finally {
    await pool.close();
  }
}

export type { SecretMatch };
