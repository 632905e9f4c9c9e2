import { createHash } from 'node:crypto';
import { GENERIC_STOPWORDS } from './detectors/generic.js';
import { DETECTORS } from './detectors/index.js';
import { shannonEntropy } from './entropy.js';
import { isPlaceholder } from './placeholder.js';
import { KeywordPrefilter } from './prefilter.js';
import { redact } from './redact.js';
import { sniff, type SkipReason } from './sniff.js';
import { DEFAULT_SECRETS_SETTINGS, type Detector, type SecretMatch, type SecretOrigin, type SecretsSettings } from './types.js';

/** Lines longer than this are searched in windows around each keyword, not whole. */
const LONG_LINE = 4096;
const WINDOW_BEFORE = 512;
const WINDOW_AFTER = 2048;

export interface SecretScanResult {
  matches: SecretMatch[];
  /** Set when the file was not scanned, and why. */
  skipped?: SkipReason;
  /** Set when only the first bytes were scanned (the size cap applied). */
  truncatedAt?: number;
}

export interface ScanFileOptions {
  /** Skip binary, lock and minified files by their content (default true). */
  sniff?: boolean;
}

interface Compiled {
  detector: Detector;
  order: number;
  re?: RegExp;
}

interface Found extends Omit<SecretMatch, 'secret'> {
  secret: string;
  absStart: number;
  absEnd: number;
  order: number;
  priority: number;
}


/**
 * The secret detection engine: pure, no I/O. `(path, bytes, origin)` in, matches out, so files on
 * disk, image layers and commits all go through the same code. Build one per settings and reuse it.
 */
export class SecretScanner {
  readonly settings: SecretsSettings;
  private readonly compiled: Compiled[];
  private readonly prefilter: KeywordPrefilter;
  /** keyword index -> compiled detectors that own it */
  private readonly owners: Compiled[][];
  private readonly allow: RegExp[];
  private readonly stopwords: string[];

  constructor(settings: Partial<SecretsSettings> = {}) {
    this.settings = {
      ...DEFAULT_SECRETS_SETTINGS,
      ...settings,
      allowlist: { ...DEFAULT_SECRETS_SETTINGS.allowlist, ...settings.allowlist },
    };
    const disabled = new Set(this.settings.disabled);
    this.compiled = DETECTORS.map((detector, order) => ({
      detector,
      order,
      ...(detector.pattern ? { re: new RegExp(detector.pattern.source, `${detector.pattern.flags.replace(/[gyd]/g, '')}gd`) } : {}),
    })).filter((c) => !disabled.has(c.detector.id) && (this.settings.generic || c.detector.category !== 'generic'));
    const keywords: string[] = [];
    const index = new Map<string, number>();
    this.owners = [];
    for (const c of this.compiled) {
      for (const k of c.detector.keywords) {
        const lk = k.toLowerCase();
        let i = index.get(lk);
        if (i === undefined) {
          i = keywords.length;
          index.set(lk, i);
          keywords.push(lk);
          this.owners.push([]);
        }
        if (!this.owners[i]!.includes(c)) this.owners[i]!.push(c);
      }
    }
    this.prefilter = new KeywordPrefilter(keywords);
    this.allow = [];
    for (const r of this.settings.allowlist.regexes) {
      try {
        this.allow.push(new RegExp(r));
      } catch {
        // An invalid allowlist pattern allows nothing; the configuration loader reports it.
      }
    }
    this.stopwords = this.settings.allowlist.stopwords.map((s) => s.toLowerCase());
  }

  get detectorCount(): number {
    return this.compiled.length;
  }

  /** Scans one file. `path` and `origin` are not used for matching; they travel with the result. */
  scanFile(_path: string, bytes: Uint8Array, _origin?: SecretOrigin, options: ScanFileOptions = {}): SecretScanResult {
    if (options.sniff !== false) {
      const reason = sniff(bytes);
      if (reason) return { matches: [], skipped: reason };
    }
    let end = bytes.length;
    let truncatedAt: number | undefined;
    if (end > this.settings.maxFileSize) {
      end = this.settings.maxFileSize;
      const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
      const nl = buf.lastIndexOf(10, end - 1);
      if (nl > end - 65536) end = nl + 1;
      truncatedAt = end;
    }
    const matches = this.scanBytes(bytes, end);
    return truncatedAt !== undefined ? { matches, truncatedAt } : { matches };
  }

  /** Scans a string (a decoded Secret value, an env value); positions are inside the string. */
  scanText(text: string): SecretMatch[] {
    return this.scanBytes(Buffer.from(text, 'utf8'), Buffer.byteLength(text, 'utf8'));
  }

  private scanBytes(bytes: Uint8Array, end: number): SecretMatch[] {
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const found: Found[] = [];
    const seen = new Set<string>();
    // Line tracking moves forward only: hits arrive in increasing order.
    let lineNo = 1;
    let lineStart = 0;
    let scanPos = 0;
    let lineEnd = -1; // offset of the newline ending the current line (or end); -1: not known yet
    const done = new Float64Array(DETECTORS.length).fill(-1); // detector order -> end of the last window searched
    const doneLine = new Float64Array(DETECTORS.length).fill(-1); // detector order -> line start of the last window
    let cacheKey = '';
    let cacheText = '';
    // Per keyword: the line and the offset up to which its detectors have already been run.
    const kwLine = new Float64Array(this.owners.length).fill(-1);
    const kwUntil = new Float64Array(this.owners.length);

    this.prefilter.scan(buf, end, (off, kw) => {
      // Advance line by line (each newline is looked at once) until the line holding `off`.
      while (off > lineEnd) {
        const nl = buf.indexOf(10, scanPos);
        if (nl === -1 || nl >= end) {
          lineEnd = end;
          if (lineEnd < off) lineEnd = off;
          break;
        }
        if (nl >= off) {
          lineEnd = nl;
          break;
        }
        lineNo++;
        lineStart = nl + 1;
        scanPos = nl + 1;
      }
      // A keyword repeated on a stretch already searched (a run of 'aaaa…') costs one comparison.
      if (kwLine[kw] === lineStart && off + 256 < kwUntil[kw]!) return;
      let until = Infinity;
      for (const c of this.owners[kw]!) {
        const d = c.detector;
        let ws: number;
        let we: number;
        if (d.multiline) {
          ws = lineStart;
          we = Math.min(end, lineStart + d.multiline);
        } else if (lineEnd - lineStart <= LONG_LINE) {
          ws = lineStart;
          we = lineEnd;
        } else {
          ws = Math.max(lineStart, off - WINDOW_BEFORE);
          while (ws > lineStart && ws < off && (buf[ws]! & 0xc0) === 0x80) ws++;
          we = Math.min(lineEnd, off + WINDOW_AFTER);
          while (we < lineEnd && (buf[we]! & 0xc0) === 0x80) we++;
        }
        if (we < until) until = we;
        if (doneLine[c.order] === lineStart && done[c.order]! >= Math.min(we, off + 256)) continue;
        doneLine[c.order] = lineStart;
        done[c.order] = we;
        const key = `${ws}:${we}`;
        if (key !== cacheKey) {
          cacheKey = key;
          cacheText = buf.toString('utf8', ws, we);
        }
        this.searchWindow(c, cacheText, buf, ws, lineStart, lineNo, found, seen);
      }
      kwLine[kw] = lineStart;
      kwUntil[kw] = until;
    });
    return this.resolve(found);
  }

  private searchWindow(c: Compiled, win: string, buf: Buffer, ws: number, lineStart: number, lineNo: number, found: Found[], seen: Set<string>): void {
    const d = c.detector;
    if (c.re) {
      const re = c.re;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(win)) !== null) {
        const g = m.indices?.[1] ?? m.indices?.[0];
        const secret = m[1] ?? m[0];
        if (g && secret) this.emit(c, g[0], secret, win, buf, ws, lineStart, lineNo, found, seen);
        if (m[0].length === 0) re.lastIndex++;
      }
    } else if (d.find) {
      for (const r of d.find(win)) this.emit(c, r.index, r.secret, win, buf, ws, lineStart, lineNo, found, seen);
    }
  }

  private emit(c: Compiled, index: number, secret: string, win: string, buf: Buffer, ws: number, lineStart: number, lineNo: number, found: Found[], seen: Set<string>): void {
    const d = c.detector;
    if (!this.accept(d, secret)) return;
    const absStart = ws + Buffer.byteLength(win.slice(0, index), 'utf8');
    const sk = `${c.order}:${absStart}`;
    if (seen.has(sk)) return;
    seen.add(sk);
    const colBase = ws > lineStart ? buf.toString('utf8', lineStart, ws).length : 0;
    const start = position(win, index, lineNo, colBase);
    const endPos = position(win, index + secret.length, lineNo, colBase);
    const body = d.body ? d.body(secret) : secret;
    const m: Found = {
      detector: d.id,
      startLine: start.line,
      startColumn: start.column,
      endLine: endPos.line,
      endColumn: endPos.column,
      redacted: redact(secret),
      length: secret.length,
      entropy: Math.round(shannonEntropy(body) * 100) / 100,
      hash: secretHash(d.id, secret),
      secret,
      absStart,
      absEnd: absStart + Buffer.byteLength(secret, 'utf8'),
      order: c.order,
      priority: d.priority ?? 2,
    };
    if (d.checksum) m.checksumValid = true;
    found.push(m);
  }

  private accept(d: Detector, secret: string): boolean {
    if (d.validate && !d.validate(secret)) return false;
    const body = d.body ? d.body(secret) : secret;
    if (d.minEntropy !== undefined && shannonEntropy(body) < d.minEntropy) return false;
    if (!d.noPlaceholderCheck && isPlaceholder(body, this.stopwords)) return false;
    // `postgres://user:password@localhost`: the word itself stands for a password.
    if (d.category === 'url' && GENERIC_STOPWORDS.has(body.toLowerCase())) return false;
    if (d.noPlaceholderCheck && this.stopwords.length > 0 && this.stopwords.some((w) => secret.toLowerCase().includes(w))) return false;
    for (const re of this.allow) if (re.test(secret)) return false;
    return true;
  }

  /** Where two matches overlap the more specific detector wins (a GitHub token over `token = …`). */
  private resolve(found: Found[]): SecretMatch[] {
    if (found.length === 0) return [];
    const ranked = [...found].sort((a, b) => b.priority - a.priority || a.order - b.order || a.absStart - b.absStart);
    const kept: Found[] = [];
    for (const f of ranked) {
      if (kept.some((k) => k.absStart < f.absEnd && f.absStart < k.absEnd)) continue;
      kept.push(f);
    }
    kept.sort((a, b) => a.absStart - b.absStart || a.order - b.order);
    return kept.map(toMatch);
  }
}

function position(win: string, index: number, lineNo: number, colBase: number): { line: number; column: number } {
  let line = lineNo;
  let lastNl = -1;
  for (let i = win.indexOf('\n'); i !== -1 && i < index; i = win.indexOf('\n', i + 1)) {
    line++;
    lastNl = i;
  }
  return { line, column: lastNl === -1 ? colBase + index + 1 : index - lastNl };
}

/** What identifies a secret across moves and renames: the detector and a hash of the value. */
export function secretHash(detector: string, secret: string): string {
  return createHash('sha256').update(detector).update('\0').update(secret).digest('hex').slice(0, 32);
}

function toMatch(f: Found): SecretMatch {
  const m = {
    detector: f.detector,
    startLine: f.startLine,
    startColumn: f.startColumn,
    endLine: f.endLine,
    endColumn: f.endColumn,
    redacted: f.redacted,
    length: f.length,
    entropy: f.entropy,
    hash: f.hash,
  } as SecretMatch;
  if (f.checksumValid) m.checksumValid = true;
  Object.defineProperty(m, 'secret', { value: f.secret, enumerable: false });
  return m;
}

/** The secret behind a match, for the one output that may show it (`--no-redact` on a terminal). */
export function revealMatch(m: SecretMatch): string {
  return m.secret;
}
