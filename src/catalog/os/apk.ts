import type { Cataloger, OsRecord } from '../types.js';
import { text } from '../util.js';

const INSTALLED = /^lib\/apk\/db\/installed$/;

/** Parses apk's installed database: records of `X:value` lines separated by blank lines. */
export function parseApkInstalled(src: string): OsRecord[] {
  const out: OsRecord[] = [];
  let cur: Record<string, string> = {};
  const flush = () => {
    const name = cur.P;
    const version = cur.V;
    if (name && version) {
      const rec: OsRecord = { kind: 'apk', name, version, sourceName: cur.o || name, sourceVersion: version };
      if (cur.A) rec.arch = cur.A;
      if (cur.L) rec.licenses = [cur.L];
      out.push(rec);
    }
    cur = {};
  };
  for (const line of src.split('\n')) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.length < 2 || line[1] !== ':') continue;
    const key = line[0]!;
    // Only the first value of a key counts: file records (F:, R:) repeat, the package fields do not.
    if (cur[key] === undefined) cur[key] = line.slice(2).trim();
  }
  flush();
  return out;
}

export const apkCataloger: Cataloger = {
  id: 'apk',
  wants: (p) => INSTALLED.test(p),
  parse: (bytes) => ({ os: parseApkInstalled(text(bytes)) }),
};
