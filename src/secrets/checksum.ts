const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE) of an ASCII string. */
export function crc32(s: string): number {
  let c = 0xffffffff;
  for (let i = 0; i < s.length; i++) c = CRC_TABLE[(c ^ s.charCodeAt(i)) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function base62(n: number, width: number): string {
  let out = '';
  let v = n;
  while (v > 0) {
    out = BASE62[v % 62] + out;
    v = Math.floor(v / 62);
  }
  return out.padStart(width, '0');
}

/**
 * GitHub-style tokens (GitHub `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_`, npm `npm_`): 30 random base62
 * characters followed by the 6-character base62 CRC-32 of those characters.
 */
export function validBase62Crc32(token: string, prefixLength: number): boolean {
  const body = token.slice(prefixLength);
  if (body.length < 7) return false;
  const random = body.slice(0, -6);
  return base62(crc32(random), 6) === body.slice(-6);
}

/** Grafana service-account tokens: `glsa_<32 random>_<8 hex CRC-32 of everything before>`. */
export function validGrafanaServiceAccount(token: string): boolean {
  const m = /^glsa_([A-Za-z0-9]{32})_([a-f0-9]{8})$/.exec(token);
  if (!m) return false;
  return crc32(`glsa_${m[1]}`).toString(16).padStart(8, '0') === m[2];
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

function bech32Polymod(values: number[]): number {
  const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk = (chk ^ GEN[i]!) >>> 0;
  }
  return chk;
}

/** Bech32 (BIP-173) checksum, used by age secret keys (`AGE-SECRET-KEY-1…`). */
export function validBech32(s: string): boolean {
  const lower = s.toLowerCase();
  const sep = lower.lastIndexOf('1');
  if (sep < 1 || sep + 7 > lower.length) return false;
  const hrp = lower.slice(0, sep);
  const data: number[] = [];
  for (const ch of lower.slice(sep + 1)) {
    const v = BECH32.indexOf(ch);
    if (v === -1) return false;
    data.push(v);
  }
  const expanded: number[] = [];
  for (let i = 0; i < hrp.length; i++) expanded.push(hrp.charCodeAt(i) >> 5);
  expanded.push(0);
  for (let i = 0; i < hrp.length; i++) expanded.push(hrp.charCodeAt(i) & 31);
  return bech32Polymod([...expanded, ...data]) === 1;
}

export function bech32Encode(hrp: string, data5: number[]): string {
  const expanded: number[] = [];
  for (let i = 0; i < hrp.length; i++) expanded.push(hrp.charCodeAt(i) >> 5);
  expanded.push(0);
  for (let i = 0; i < hrp.length; i++) expanded.push(hrp.charCodeAt(i) & 31);
  const mod = bech32Polymod([...expanded, ...data5, 0, 0, 0, 0, 0, 0]) ^ 1;
  const check: number[] = [];
  for (let i = 0; i < 6; i++) check.push((mod >>> (5 * (5 - i))) & 31);
  return `${hrp}1${[...data5, ...check].map((v) => BECH32[v]).join('')}`;
}

function base64Bytes(s: string): Buffer | undefined {
  try {
    return Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  } catch {
    return undefined;
  }
}

function readVarint(b: Buffer, at: number): [number, number] | undefined {
  let v = 0;
  let shift = 0;
  for (let i = at; i < b.length && i < at + 5; i++) {
    v |= (b[i]! & 0x7f) << shift;
    if ((b[i]! & 0x80) === 0) return [v >>> 0, i + 1];
    shift += 7;
  }
  return undefined;
}

/**
 * PyPI API tokens are `pypi-` and a base64url version-2 macaroon: version byte 2, a location of
 * pypi.org, an identifier, caveats, and a 32-byte signature at the end.
 */
export function validPypiMacaroon(token: string): boolean {
  const b = base64Bytes(token.slice(5));
  if (!b || b.length < 40 || b[0] !== 2) return false;
  let at = 1;
  let location = '';
  let sawIdentifier = false;
  for (let fields = 0; fields < 10_000 && at < b.length; fields++) {
    const t = readVarint(b, at);
    if (!t) return false;
    at = t[1];
    if (t[0] === 0) continue;
    const l = readVarint(b, at);
    if (!l) return false;
    at = l[1];
    if (at + l[0] > b.length) return false;
    if (t[0] === 1 && !sawIdentifier) location = b.subarray(at, at + l[0]).toString('latin1');
    if (t[0] === 2) sawIdentifier = true;
    if (t[0] === 6) return l[0] === 32 && at + 32 === b.length && sawIdentifier && /(^|\.)pypi\.org$/.test(location);
    at += l[0];
  }
  return false;
}

/** A JWT's header decodes to a JSON object naming an algorithm. */
export function validJwt(token: string): boolean {
  const [header, payload] = token.split('.');
  if (!header || !payload) return false;
  try {
    const h = JSON.parse(base64Bytes(header)!.toString('utf8')) as Record<string, unknown>;
    const p = JSON.parse(base64Bytes(payload)!.toString('utf8')) as unknown;
    return typeof h === 'object' && h !== null && typeof h.alg === 'string' && typeof p === 'object' && p !== null;
  } catch {
    return false;
  }
}

/** Base64 that decodes to exactly `bytes` bytes (Azure storage keys are 64 bytes). */
export function base64DecodesTo(s: string, bytes: number): boolean {
  const b = base64Bytes(s);
  return b !== undefined && b.length === bytes;
}

/** AWS access key ids are base32 after the 4-character prefix. */
export function validAwsKeyId(id: string): boolean {
  return /^[A-Z0-9]{4}[A-Z2-7]{16}$/.test(id);
}
