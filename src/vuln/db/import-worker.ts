import { parentPort } from 'node:worker_threads';
import { flatten, runTask, type ImportTask } from './import.js';
import { ZipError, type ZipReader } from './zip.js';

// Parses OSV records for the importer; the main thread writes them to SQLite.
const cache: { zip?: ZipReader } = {};
parentPort!.on('message', (m: { seq: number; task: ImportTask }) => {
  try {
    parentPort!.postMessage({ seq: m.seq, result: flatten(runTask(m.task, cache)) });
  } catch (e) {
    const err = e as Error;
    parentPort!.postMessage({ seq: m.seq, error: { message: err.message, ...(e instanceof ZipError ? { zip: e.code } : {}) } });
  }
});
