import { parentPort, workerData } from 'node:worker_threads';
import { ShardTaskRunner, type ImportTask } from './import.js';
import { ZipError } from './zip.js';

// Reads and parses OSV records for the importer and writes them into shard files of its own;
// the main thread copies each finished file into the database.
const { prefix, rotate } = workerData as { prefix: string; rotate: number };
const port = parentPort!;
const runner = new ShardTaskRunner(prefix, rotate, (file, tasks) => port.postMessage({ kind: 'sealed', file, tasks }));

port.on('message', (m: { seq: number; task: ImportTask } | { close: true } | { release: string }) => {
  try {
    if ('release' in m) {
      runner.release(m.release);
      return;
    }
    if ('close' in m) {
      runner.close();
      port.postMessage({ kind: 'closed' });
      return;
    }
    const { file, result } = runner.run(m.task);
    port.postMessage({ kind: 'result', seq: m.seq, file, result });
  } catch (e) {
    const err = e as Error;
    port.postMessage({ kind: 'error', message: err.message, ...(e instanceof ZipError ? { zip: e.code } : {}) });
  }
});
port.postMessage({ kind: 'ready' });
