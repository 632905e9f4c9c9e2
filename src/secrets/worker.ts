import { parentPort, workerData } from 'node:worker_threads';
import { SecretScanner } from './engine.js';
import type { SecretsSettings } from './types.js';

/** Worker side of the pool: one scanner, one file per message, matches back with their secrets. */
const scanner = new SecretScanner((workerData as { settings?: Partial<SecretsSettings> } | undefined)?.settings ?? {});

parentPort?.on('message', (msg: { id: number; path: string; bytes: Uint8Array }) => {
  try {
    const r = scanner.scanFile(msg.path, msg.bytes);
    parentPort!.postMessage({ id: msg.id, result: { ...r, matches: r.matches.map((m) => ({ ...m })) }, secrets: r.matches.map((m) => m.secret) });
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
  }
});
