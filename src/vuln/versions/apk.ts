/**
 * Alpine apk version ordering (apk-tools): `digit{.digit}...{letter}{_suffix{N}}...{~hash}{-rN}`.
 * Suffixes order `_alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p`; a dotted
 * component with a leading zero compares as a string (as in Gentoo), others numerically.
 */
const enum T {
  InitialDigit = 0,
  Digit = 1,
  Letter = 2,
  Suffix = 3,
  SuffixNo = 4,
  CommitHash = 5,
  RevisionNo = 6,
  End = 7,
  Invalid = 8,
}

/** Suffix ranks; NONE (a release) sits between the pre- and post-release suffixes. */
const SUFFIX: Record<string, number> = { alpha: 0, beta: 1, pre: 2, rc: 3, cvs: 5, svn: 6, git: 7, hg: 8, p: 9 };
const SUFFIX_NONE = 4;

interface Tok {
  t: T;
  value: string;
  num: bigint;
  suffix: number;
}

class Reader {
  p = 0;
  constructor(readonly s: string) {}
  digits(tok: Tok): void {
    const start = this.p;
    while (this.p < this.s.length && this.s.charCodeAt(this.p) >= 48 && this.s.charCodeAt(this.p) <= 57) this.p++;
    tok.value = this.s.slice(start, this.p);
    if (tok.value === '') tok.t = T.Invalid;
    else tok.num = BigInt(tok.value);
  }
  first(): Tok {
    const tok: Tok = { t: T.InitialDigit, value: '', num: 0n, suffix: 0 };
    this.digits(tok);
    return tok;
  }
  next(tok: Tok): void {
    if (this.p >= this.s.length) {
      tok.t = T.End;
      return;
    }
    const c = this.s[this.p]!;
    if (c >= 'a' && c <= 'z') {
      if (tok.t > T.Digit) return void (tok.t = T.Invalid);
      tok.value = c;
      tok.t = T.Letter;
      this.p++;
      return;
    }
    if (c === '.' || (c >= '0' && c <= '9')) {
      if (c === '.') {
        if (tok.t > T.Digit) return void (tok.t = T.Invalid);
        this.p++;
      }
      if (tok.t === T.InitialDigit || tok.t === T.Digit) tok.t = T.Digit;
      else if (tok.t === T.Suffix) tok.t = T.SuffixNo;
      else return void (tok.t = T.Invalid);
      this.digits(tok);
      return;
    }
    if (c === '_') {
      if (tok.t > T.SuffixNo) return void (tok.t = T.Invalid);
      this.p++;
      const start = this.p;
      while (this.p < this.s.length && this.s[this.p]! >= 'a' && this.s[this.p]! <= 'z') this.p++;
      const name = this.s.slice(start, this.p);
      const rank = SUFFIX[name];
      if (rank === undefined) return void (tok.t = T.Invalid);
      tok.value = name;
      tok.suffix = rank;
      tok.t = T.Suffix;
      return;
    }
    if (c === '~') {
      if (tok.t >= T.CommitHash) return void (tok.t = T.Invalid);
      this.p++;
      const start = this.p;
      while (this.p < this.s.length && /[0-9a-fA-F]/.test(this.s[this.p]!)) this.p++;
      tok.value = this.s.slice(start, this.p);
      tok.t = tok.value === '' ? T.Invalid : T.CommitHash;
      return;
    }
    if (c === '-') {
      if (tok.t >= T.RevisionNo || this.s[this.p + 1] !== 'r') return void (tok.t = T.Invalid);
      this.p += 2;
      tok.t = T.RevisionNo;
      this.digits(tok);
      return;
    }
    tok.t = T.Invalid;
  }
}

function strcmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function tokenCmp(a: Tok, b: Tok): number {
  switch (a.t) {
    case T.Digit:
      if (a.value[0] === '0' || b.value[0] === '0') return strcmp(a.value, b.value);
      return a.num < b.num ? -1 : a.num > b.num ? 1 : 0;
    case T.InitialDigit:
    case T.SuffixNo:
    case T.RevisionNo:
      return a.num < b.num ? -1 : a.num > b.num ? 1 : 0;
    case T.Letter:
      return strcmp(a.value, b.value);
    case T.Suffix:
      return a.suffix - b.suffix;
    default:
      return strcmp(a.value, b.value);
  }
}

export function isValidApk(v: string): boolean {
  const r = new Reader(v);
  const t = r.first();
  while (t.t < T.End) r.next(t);
  return t.t === T.End;
}

export function compareApk(a: string, b: string): number {
  const ra = new Reader(a.trim());
  const rb = new Reader(b.trim());
  const ta = ra.first();
  const tb = rb.first();
  while (ta.t === tb.t && ta.t < T.End) {
    const r = tokenCmp(ta, tb);
    if (r !== 0) return r < 0 ? -1 : 1;
    ra.next(ta);
    rb.next(tb);
  }
  if (ta.t === tb.t) return 0;
  if (ta.t === T.Suffix && ta.suffix < SUFFIX_NONE) return -1;
  if (tb.t === T.Suffix && tb.suffix < SUFFIX_NONE) return 1;
  if (ta.t > tb.t) return -1;
  if (tb.t > ta.t) return 1;
  return 0;
}
