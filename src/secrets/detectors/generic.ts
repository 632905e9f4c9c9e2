import { shannonEntropy } from '../entropy.js';
import type { Detector, RawMatch } from '../types.js';
import { detector } from './define.js';

/** Values that are words about secrets, types or empty markers, not secrets. */
export const GENERIC_STOPWORDS = new Set([
  'password', 'passwd', 'passphrase', 'secret', 'secrets', 'token', 'tokens', 'apikey', 'api_key', 'none', 'null', 'nil', 'true',
  'false', 'undefined', 'string', 'required', 'optional', 'empty', 'default', 'hidden', 'masked', 'unset', 'notset', 'n/a',
  'na', 'tbd', 'value', 'bearer', 'basic', 'password123', 'secret123', 'abc123', 'test', 'testing', 'admin', 'root',
  'guest', 'user', 'username', 'private', 'public', 'encrypted', 'base64', 'sha256', 'md5', 'bcrypt', 'argon2',
  'localhost', 'disabled', 'enabled', 'text', 'object', 'number', 'boolean', 'integer',
]);

/** Key parts that make a key name about a secret, and which detector owns it. */
const KEY_WORDS: { word: string; detector: string }[] = [
  { word: 'api_key', detector: 'generic-api-key' },
  { word: 'apikey', detector: 'generic-api-key' },
  { word: 'api-key', detector: 'generic-api-key' },
  { word: 'access_key', detector: 'generic-api-key' },
  { word: 'accesskey', detector: 'generic-api-key' },
  { word: 'secret_key', detector: 'generic-secret' },
  { word: 'secretkey', detector: 'generic-secret' },
  { word: 'private_key', detector: 'generic-secret' },
  { word: 'client_secret', detector: 'generic-secret' },
  { word: 'clientsecret', detector: 'generic-secret' },
  { word: 'secret', detector: 'generic-secret' },
  { word: 'auth_token', detector: 'generic-token' },
  { word: 'authtoken', detector: 'generic-token' },
  { word: 'access_token', detector: 'generic-token' },
  { word: 'accesstoken', detector: 'generic-token' },
  { word: 'refresh_token', detector: 'generic-token' },
  { word: 'token', detector: 'generic-token' },
  { word: 'password', detector: 'generic-password' },
  { word: 'passwd', detector: 'generic-password' },
  { word: 'passphrase', detector: 'generic-password' },
  { word: 'pwd', detector: 'generic-password' },
  { word: 'credentials', detector: 'generic-password' },
];

/** Keys that contain a secret word but name something else: `password_file`, `token_url`, `secret_name`. */
const NOT_SECRET_SUFFIX =
  /(?:file|path|dir|url|uri|endpoint|name|names|id|ids|ref|key_?id|length|len|min|max|policy|policies|type|field|label|format|pattern|regex|prompt|hint|placeholder|expiry|expires|expiration|expires_?at|ttl|timeout|count|enabled|required|header|location|provider|source|store|manager|env|var|variable|mode|method|hash|salt|algorithm|algo|version|reset|change|confirmation|confirm|validator|strength|rotation|lifetime|_at|created|updated|size|prefix|scope|scopes|audience|issuer|generator|class|kind|template|mount|volume|secretname|secretref|key_ref|keyref|selector)$/i;

const IDENT = /[A-Za-z0-9_.\-]/;

function isIdent(c: string | undefined): boolean {
  return c !== undefined && IDENT.test(c);
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

interface Candidate extends RawMatch {
  key: string;
  quoted: boolean;
}

/** Finds `key <op> value` where the key holds a secret word, in any of the usual syntaxes. */
export function findAssignments(line: string, detectorId: string): Candidate[] {
  const lower = line.toLowerCase();
  const out: Candidate[] = [];
  const seen = new Set<number>();
  for (const kw of KEY_WORDS) {
    if (kw.detector !== detectorId) continue;
    let from = 0;
    for (let guard = 0; guard < 64; guard++) {
      const at = lower.indexOf(kw.word, from);
      if (at === -1) break;
      from = at + kw.word.length;
      // Word boundaries, allowing camelCase: dbPassword, PasswordHash.
      const before = line[at - 1];
      const first = line[at];
      if (isLetter(before) && !(before! >= 'a' && before! <= 'z' && first! >= 'A' && first! <= 'Z')) continue;
      const after = line[from];
      if (isLetter(after) && !(after! >= 'A' && after! <= 'Z' && line[from - 1]! >= 'a' && line[from - 1]! <= 'z')) continue;
      const c = assignmentAt(line, at, from);
      if (c && !seen.has(c.index)) {
        seen.add(c.index);
        out.push(c);
      }
    }
  }
  return out;
}

function assignmentAt(line: string, kwStart: number, kwEnd: number): Candidate | undefined {
  let ks = kwStart;
  while (ks > 0 && kwStart - ks < 64 && isIdent(line[ks - 1])) ks--;
  let ke = kwEnd;
  while (ke < line.length && ke - kwEnd < 64 && isIdent(line[ke])) ke++;
  const key = line.slice(ks, ke);
  if (NOT_SECRET_SUFFIX.test(key.replace(/[.\-]/g, '_'))) return undefined;
  let i = ke;
  // A quoted key: "password": / 'password' =>
  if (line[i] === '"' || line[i] === "'") {
    if (line[ks - 1] !== line[i]) return undefined;
    i++;
  } else if (line[ks - 1] === '"' || line[ks - 1] === "'") return undefined;
  // Go struct tags, annotations and the like: `json:"password"` is not an assignment.
  if (line[ks - 2] === ':' && (line[ks - 1] === '"' || line[ks - 1] === '`')) return undefined;
  while (line[i] === ' ' || line[i] === '\t') i++;
  let op = '';
  if (line.startsWith(':=', i)) op = ':=';
  else if (line.startsWith('=>', i)) op = '=>';
  else if (line.startsWith('==', i) || line.startsWith('!=', i)) return undefined;
  else if (line[i] === '=' || line[i] === ':') op = line[i]!;
  else return undefined;
  i += op.length;
  while (line[i] === ' ' || line[i] === '\t') i++;
  const q = line[i];
  let value: string;
  let start: number;
  let quoted = false;
  if (q === '"' || q === "'" || q === '`') {
    const close = line.indexOf(q, i + 1);
    if (close === -1) return undefined;
    value = line.slice(i + 1, close);
    start = i + 1;
    quoted = true;
    if (value.includes('\\') && !/^[^\\]*$/.test(value.replace(/\\[\\"'nrt]/g, ''))) return undefined;
  } else {
    let e = i;
    while (e < line.length && e - i < 512 && !/[\s"'`,;]/.test(line[e]!)) e++;
    value = line.slice(i, e);
    start = i;
    // Unquoted values in code are expressions (calls, members, variables), not literals.
    if (/[()[\]{}<>$%]/.test(value) || /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(value)) return undefined;
    if (/^[A-Za-z_][A-Za-z_]*$/.test(value)) return undefined;
    // A trailing comment in YAML/.env/properties starts with " #"; the value stops before it.
    const rest = line.slice(e).trimStart();
    if (rest.length > 0 && !/^(?:#|\/\/|;|,|$)/.test(rest)) return undefined;
  }
  return { index: start, secret: value, key, quoted };
}

/** Whether a generic value is worth reporting: long, random enough, not a stopword or a reference. */
export function acceptGeneric(value: string, detectorId: string): boolean {
  const password = detectorId === 'generic-password';
  const minLength = password ? 8 : 12;
  if (value.length < minLength || value.length > 256) return false;
  if (/\s/.test(value)) return false;
  if (GENERIC_STOPWORDS.has(value.toLowerCase())) return false;
  if (/^[0-9.]+$/.test(value) && value.length < 16) return false;
  if (/^(?:https?|file):\/\//i.test(value)) return false;
  if (/^[./~]{0,2}\/?[\w\-]+(?:\/[\w\-.]+)+$/.test(value)) return false;
  if (/^(?:env|secret|secrets|vault|ref|arn|projects)[:/.]/i.test(value)) return false;
  if (/^[A-Z][A-Z0-9_]{3,}$/.test(value)) return false;
  const classes = (/[a-z]/.test(value) ? 1 : 0) + (/[A-Z]/.test(value) ? 1 : 0) + (/[0-9]/.test(value) ? 1 : 0) + (/[^A-Za-z0-9]/.test(value) ? 1 : 0);
  if (classes < 2) return false;
  const h = shannonEntropy(value);
  return password ? h >= 2.75 : h >= 3.25;
}

const generic = (id: string, title: string, keywords: string[], severity: 'high' | 'medium'): Detector =>
  detector({
    id,
    title,
    category: 'generic',
    severity,
    keywords,
    find: (window) => findAssignments(window, id).filter((c) => acceptGeneric(c.secret, id)),
    priority: 0,
  });

export const genericDetectors = [
  generic('generic-password', 'Password assigned in code or configuration', ['password', 'passwd', 'passphrase', 'pwd', 'credentials'], 'high'),
  generic('generic-secret', 'Secret assigned in code or configuration', ['secret'], 'high'),
  generic('generic-token', 'Token assigned in code or configuration', ['token'], 'medium'),
  generic('generic-api-key', 'API key assigned in code or configuration', ['api_key', 'apikey', 'api-key', 'access_key', 'accesskey'], 'high'),
];
