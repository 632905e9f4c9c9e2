import { parseYamlStream } from '../parsers/yaml/index.js';
import { LineIndex } from '../util/lines.js';
import type { SecretScanner } from './engine.js';
import { secretHash } from './engine.js';
import { shannonEntropy } from './entropy.js';
import { isPlaceholder } from './placeholder.js';
import { redact } from './redact.js';
import type { SecretMatch } from './types.js';

/** The detector id of a Secret object's committed `data`/`stringData` entry. */
export const KUBERNETES_SECRET_DATA = 'kubernetes-secret-data';

const MAX_DECODED = 1024 * 1024;
const MAX_DEPTH = 24;

const SECRET_WORD = /password|passwd|secret|token|api_?key|apikey|credential/i;

/**
 * Cheap byte searches: does this file hold a Kubernetes Secret, or manifest `env` entries whose
 * names could be about a secret? Only then is it worth parsing.
 */
export function mayBeManifest(bytes: Uint8Array): boolean {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (buf.indexOf('apiVersion') === -1 || buf.indexOf('kind') === -1) return false;
  if (buf.indexOf('kind: Secret') !== -1 || buf.indexOf('"kind": "Secret"') !== -1) return true;
  const env = buf.indexOf('env:');
  return env !== -1 && buf.indexOf('value:', env) !== -1 && SECRET_WORD.test(buf.toString('latin1', env));
}

/**
 * What the plain-text pass cannot see in manifests: base64 `data` of Secrets (decoded, then run
 * through every detector), Secret entries committed at all, and `env` name/value pairs split over
 * two lines. Each match points at the field.
 */
export function scanManifest(text: string, path: string, scanner: SecretScanner, lineMatches: readonly SecretMatch[]): { add: SecretMatch[]; drop: Set<SecretMatch> } {
  const drop = new Set<SecretMatch>();
  const { documents } = parseYamlStream(text, path);
  if (documents.length === 0) return { add: [], drop };
  const lines = new LineIndex(text);
  const out: SecretMatch[] = [];
  const at = (locate: (p: ReadonlyArray<string | number>) => { start: number; end: number }, pointer: (string | number)[]) => {
    const r = locate(pointer);
    const s = lines.position(r.start);
    const e = lines.position(r.end);
    return { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
  };
  const inside = (m: SecretMatch, range: { startLine: number; endLine: number }) => !drop.has(m) && m.startLine >= range.startLine && m.startLine <= range.endLine;
  const covered = (range: { startLine: number; endLine: number }) => lineMatches.some((m) => inside(m, range)) || out.some((m) => inside(m, range));

  for (const doc of documents) {
    const obj = doc.value;
    if (!isRecord(obj)) continue;
    if (obj.kind === 'Secret') {
      for (const field of ['data', 'stringData'] as const) {
        const data = obj[field];
        if (!isRecord(data)) continue;
        for (const [key, raw] of Object.entries(data)) {
          if (typeof raw !== 'string' || raw.length === 0) continue;
          const value = field === 'data' ? decodeBase64(raw) : raw;
          if (value === undefined) continue;
          const range = at(doc.locate, [field, key]);
          // Base64 text says nothing: what the plain pass saw in it gives way to the decoded value.
          if (field === 'data') for (const m of lineMatches) if (inside(m, range)) drop.add(m);
          if (covered(range)) continue;
          const found = scanner.scanText(value);
          if (found.length > 0) {
            for (const m of found) out.push(relocate(m, range, `Secret ${field}.${key}`));
            continue;
          }
          if (isPlaceholder(value, scanner.settings.allowlist.stopwords)) continue;
          out.push(make(KUBERNETES_SECRET_DATA, value, range, `Secret ${field}.${key}`));
        }
      }
    }
    walkEnv(obj, [], 0, (pointer, name, value) => {
      const range = at(doc.locate, pointer);
      if (covered(range)) return;
      const quoted = JSON.stringify(value);
      for (const m of scanner.scanText(`${name}: ${quoted}`)) out.push(relocate(m, range, `env ${name}`));
    });
  }
  return { add: out, drop };
}

function walkEnv(node: unknown, pointer: (string | number)[], depth: number, visit: (pointer: (string | number)[], name: string, value: string) => void): void {
  if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((v, i) => walkEnv(v, [...pointer, i], depth + 1, visit));
    return;
  }
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k === 'env' && Array.isArray(v)) {
      v.forEach((item, i) => {
        if (isRecord(item) && typeof item.name === 'string' && typeof item.value === 'string') visit([...pointer, 'env', i, 'value'], item.name, item.value);
      });
    } else walkEnv(v, [...pointer, k], depth + 1, visit);
  }
}

function relocate(m: SecretMatch, range: Omit<SecretMatch, 'detector' | 'redacted' | 'length' | 'entropy' | 'hash' | 'secret'>, context: string): SecretMatch {
  const copy = { ...m, ...range, context } as SecretMatch;
  Object.defineProperty(copy, 'secret', { value: m.secret, enumerable: false });
  return copy;
}

function make(detector: string, secret: string, range: { startLine: number; startColumn: number; endLine: number; endColumn: number }, context: string): SecretMatch {
  const m = {
    detector,
    ...range,
    redacted: redact(secret),
    length: secret.length,
    entropy: Math.round(shannonEntropy(secret) * 100) / 100,
    hash: secretHash(detector, secret),
    context,
  } as SecretMatch;
  Object.defineProperty(m, 'secret', { value: secret, enumerable: false });
  return m;
}

function decodeBase64(s: string): string | undefined {
  const clean = s.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length > MAX_DECODED * 2) return undefined;
  const b = Buffer.from(clean, 'base64');
  if (b.includes(0)) return undefined;
  return b.toString('utf8');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
