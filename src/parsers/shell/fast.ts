import { unquote, type ShellCommand, type ShellPipeline, type ShellScript, type ShellWord } from './parse.js';

/**
 * A fast reader for the shell most RUN instructions hold: simple commands joined by `;`, `&&`,
 * `||`, `|` and newlines, with quotes, `$(…)`, backquotes, `${…}`, redirections and if/for/while
 * blocks. It gives the same commands, words and pipelines as tree-sitter-bash, and returns
 * undefined for anything it does not model exactly (case, heredocs, functions, process
 * substitution, pipes out of compound commands, unbalanced quotes); those go to tree-sitter.
 */
export function parseShellFast(text: string, toFile: (offset: number) => number = (o) => o): ShellScript | undefined {
  const script: ShellScript = { commands: [], pipelines: [], hasError: false };
  try {
    return new Reader(text, toFile, script).run() ? script : undefined;
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}

const BAIL = Symbol('bail');
/** Substitutions nested deeper than this go to tree-sitter (which bounds them too). */
const MAX_NESTING = 64;
/** Why the last script went to tree-sitter (for diagnostics and tests). */
export let lastBailReason = '';
const bail = (reason = ''): never => {
  lastBailReason = reason || new Error().stack!.split('\n')[2]!.trim();
  throw BAIL;
};

const SKIP_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}']);
const UNSUPPORTED_KEYWORDS = new Set(['function', 'select', 'coproc', '[[', '((']);
/** Statements tree-sitter-bash does not treat as commands (only substitutions inside them are). */
const DECLARATIONS = new Set(['export', 'local', 'declare', 'typeset', 'readonly', 'unset', 'unsetenv']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/;
const REDIRECT = /^(?:\d*(?:>>?|<>?|>&|<&)|&>>?)(.*)$/s;

interface Token {
  kind: 'word' | 'op';
  text: string;
  start: number;
  end: number;
}

class Reader {
  private i = 0;
  private readonly n: number;

  constructor(
    private readonly text: string,
    private readonly toFile: (offset: number) => number,
    private readonly script: ShellScript,
    private readonly substituted = false,
    private readonly base = 0,
    private readonly depth = 0,
  ) {
    this.n = text.length;
    if (depth > MAX_NESTING) bail('nesting too deep');
  }

  private words: Token[] = [];
  private nested: ShellCommand[] = [];
  private pipe: ShellPipeline | undefined;
  private stage = 0;
  /** Commands finished in the current pipe stage. */
  private current: ShellCommand[] = [];
  private forHeader = false;
  /** Inside export/local/declare/unset: words are not a command (substitutions in them are). */
  private declaration = false;
  private wordsEnd = 0;
  /** Open `case` statements: where the reader is inside each. */
  private readonly cases: Array<'subject' | 'in' | 'pattern' | 'body'> = [];

  run(): boolean {

    for (;;) {
      const tok = this.next(this.nested);
      if (!tok) break;
      const state = this.cases[this.cases.length - 1];
      if (state !== undefined && state !== 'body') {
        // Inside a case header or pattern list: no commands here, only what substitutions hold.
        this.script.commands.push(...this.nested);
        this.nested = [];
        if (tok.kind === 'op') {
          if (state === 'pattern' && tok.text === ')') this.cases[this.cases.length - 1] = 'body';
          else if (tok.text !== '\n' && !(state === 'pattern' && (tok.text === '|' || tok.text === '('))) bail();
          continue;
        }
        if (state === 'subject') this.cases[this.cases.length - 1] = 'in';
        else if (state === 'in') {
          if (tok.text !== 'in') bail();
          this.cases[this.cases.length - 1] = 'pattern';
        } else if (tok.text === 'esac') this.cases.pop();
        continue;
      }
      if (state === 'body' && tok.kind === 'op' && (tok.text === ';;' || tok.text === ';&' || tok.text === ';;&')) {
        this.endPipeline();
        this.cases[this.cases.length - 1] = 'pattern';
        continue;
      }
      if (state === 'body' && tok.kind === 'word' && this.words.length === 0 && tok.text === 'esac') {
        this.endPipeline();
        this.cases.pop();
        continue;
      }
      if (tok.kind === 'word' && this.words.length === 0 && tok.text === 'case') {
        if (this.pipe || this.current.length > 0) bail();
        this.cases.push('subject');
        continue;
      }
      if (tok.kind === 'op') {
        const op = tok.text;
        if (op === ';;' || op === ';&' || op === ';;&') bail();
        if (op === '|' || op === '|&') {
          this.finishCommand();
          if (this.current.length !== 1) bail();
          this.pipe ??= { start: this.current[0]!.start, end: 0, size: 0, commands: [] };
          this.addStage();
          this.stage++;
          continue;
        }
        if (op === '(' && this.words.length === 1 && !this.pipe && this.current.length === 0 && /^[A-Za-z_][\w-]*$/.test(this.words[0]!.text)) {
          // `name() { … }`: a function definition; its body's commands are read as usual.
          const close = /^[ \t]*\)/.exec(this.text.slice(this.i, this.i + 64));
          if (!close) bail('function definition');
          this.i += close![0].length;
          this.words = [];
          this.statements++;
          continue;
        }
        if (op === '(') {
          if (this.words.length > 0 || this.pipe || this.current.length > 0) bail('subshell inside a command or pipeline');
          this.endPipeline();
          this.blocks.push({ kind: '(', commands: this.statements });
          continue;
        }
        this.endPipeline();
        if (op === ')') {
          if (this.blocks[this.blocks.length - 1]?.kind !== '(') bail('unbalanced )');
          this.blocks.pop();
        }
        this.forHeader = false;
        this.declaration = false;
        continue;
      }
      if (this.forHeader || this.declaration) continue;
      if (this.words.length === 0) {
        if (UNSUPPORTED_KEYWORDS.has(tok.text)) bail();
        if (DECLARATIONS.has(tok.text)) {
          if (this.pipe || this.current.length > 0) bail();
          this.statements++;
          this.declaration = true;
          continue;
        }
        if (tok.text === 'for' || SKIP_KEYWORDS.has(tok.text) || tok.text === '[') {
          // A compound command or test inside a pipeline is left to tree-sitter.
          if (this.pipe || this.current.length > 0) bail();
          if (tok.text === 'for') this.forHeader = true;
          else if (tok.text === '[') {
            this.skipUntilWord(']', this.nested);
            this.statements++;
          }
          this.block(tok.text, this.statements);
          continue;
        }
      }
      const c0 = tok.text.charCodeAt(0);
      // Only words starting with a digit, <, > or & can be redirections.
      const redirect = (c0 >= 48 && c0 <= 57) || c0 === 60 || c0 === 62 || c0 === 38 ? REDIRECT.exec(tok.text) : null;
      if (redirect && !/^\d+$/.test(tok.text)) {
        if (tok.text.startsWith('<<')) bail();
        // `>file` carries its target; `>` alone takes the next word; `>&2` is complete.
        if (redirect[1] === '' && !/&\d*-?$/.test(tok.text)) {
          this.next(this.nested, true);
        }
        continue;
      }
      this.words.push(tok);
      this.wordsEnd = tok.end;
    }
    this.endPipeline();
    if (this.forHeader || this.cases.length > 0 || this.blocks.length > 0) bail();
    return true;
  }

  private finishCommand(): void {
    let k = 0;
    const assignments: string[] = [];
    while (k < this.words.length && this.words[k]!.text.includes('=') && ASSIGNMENT.test(this.words[k]!.text)) assignments.push(this.words[k++]!.text);
    const rest = this.words.slice(k);
    const first = this.words[0]?.start ?? 0;
    this.words = [];
    if (rest.length === 0) {
      if (assignments.length > 0) this.statements++;
      this.script.commands.push(...this.nested);
      this.nested = [];
      return;
    }
    const nameWord = this.word(rest[0]!);
    const slash = nameWord.value.lastIndexOf('/');
    const cmd: ShellCommand = {
      name: nameWord.value,
      base: slash === -1 ? nameWord.value : nameWord.value.slice(slash + 1),
      nameWord,
      args: this.words2(rest),
      assignments,
      start: this.toFile(this.base + first),
      end: this.toFile(this.base + this.wordsEnd),
      substituted: this.substituted,
    };
    this.script.commands.push(cmd, ...this.nested);
    this.nested = [];
    this.current.push(cmd);
    this.statements++;
  }

  private addStage(): void {
    if (this.current.length !== 1) bail();
    const c = this.current[0]!;
    c.pipeline = { pipeline: this.pipe!, stage: this.stage };
    this.pipe!.commands.push(c);
    this.current = [];
  }

  private endPipeline(): void {
    this.finishCommand();
    if (this.pipe) {
      this.addStage();
      this.pipe.size = this.stage + 1;
      // Like tree-sitter-bash, a redirection after the last stage belongs to the whole pipeline, not to it.
      this.pipe.end = this.pipe.commands[this.pipe.commands.length - 1]!.end;
      this.script.pipelines.push(this.pipe);
    }
    this.pipe = undefined;
    this.stage = 0;
    this.current = [];
  }


  /** Statements seen so far (commands, tests, assignments, declarations). */
  private statements = 0;

  /** Open if/while/until/for/{/( blocks, with the statement count when each part began. */
  private readonly blocks: Array<{ kind: string; commands: number }> = [];

  /** Keeps block keywords balanced and non-empty; anything unusual goes to tree-sitter. */
  private block(word: string, commands: number): void {
    const top = this.blocks[this.blocks.length - 1];
    const needBody = () => {
      if (!top || commands === top.commands) bail();
    };
    switch (word) {
      case 'if':
      case 'while':
      case 'until':
      case '{':
        this.blocks.push({ kind: word === 'if' ? 'if' : word === '{' ? '{' : 'loop', commands });
        return;
      case 'for':
        this.blocks.push({ kind: 'for', commands });
        return;
      case 'then':
      case 'elif':
      case 'else':
        if (top?.kind !== 'if' || (word === 'then' && commands === top.commands)) bail();
        top!.commands = commands;
        return;
      case 'do':
        if (top?.kind !== 'loop' && top?.kind !== 'for') bail();
        if (top!.kind === 'loop') needBody();
        top!.commands = commands;
        return;
      case 'fi':
        if (top?.kind !== 'if') bail();
        this.blocks.pop();
        return;
      case 'done':
        if (top?.kind !== 'loop' && top?.kind !== 'for') bail();
        this.blocks.pop();
        return;
      case '}':
        if (top?.kind !== '{') bail();
        this.blocks.pop();
        return;
      default:
    }
  }

  private words2(rest: Token[]): ShellWord[] {
    const out: ShellWord[] = [];
    for (let k = 1; k < rest.length; k++) out.push(this.word(rest[k]!));
    return out;
  }

  private word(t: Token): ShellWord {
    return { raw: t.text, value: unquote(t.text), start: this.toFile(this.base + t.start), end: this.toFile(this.base + t.end) };
  }

  private skipUntilWord(closing: string, nested: ShellCommand[]): void {
    for (;;) {
      const t = this.next(nested);
      if (!t) bail();
      if (t!.kind === 'word' && t!.text === closing) return;
      if (t!.kind === 'op' && t!.text !== '|' && t!.text !== '&&' && t!.text !== '||') bail();
    }
  }

  /** The next token; words inside `$(…)` and backquotes are parsed into `nested`. */
  private next(nested: ShellCommand[], wordOnly = false): Token | undefined {
    const s = this.text;
    const n = this.n;
    let i = this.i;
    for (;;) {
      while (i < n && (s[i] === ' ' || s[i] === '\t' || s[i] === '\r')) i++;
      if (s[i] === '\\' && s[i + 1] === '\n') {
        i += 2;
        continue;
      }
      if (s[i] === '#') {
        while (i < n && s[i] !== '\n') i++;
        continue;
      }
      break;
    }
    if (i >= n) {
      this.i = i;
      if (wordOnly) bail();
      return undefined;
    }
    const c = s[i]!;
    if (c === '\n' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
      if (wordOnly) bail();
      let op = c;
      if ((c === '&' && s[i + 1] === '&') || (c === '|' && s[i + 1] === '|')) op = c + c;
      else if (c === '|' && s[i + 1] === '&') op = '|&';
      else if (c === ';' && s[i + 1] === ';') op = s[i + 2] === '&' ? ';;&' : ';;';
      else if (c === ';' && s[i + 1] === '&') op = ';&';
      else if (c === '&' && s[i + 1] === '>') return this.readWord(i, nested);
      else if (c === '(' && s[i + 1] === '(') bail();
      this.i = i + op.length;
      return { kind: 'op', text: op, start: i, end: i + op.length };
    }
    return this.readWord(i, nested);
  }

  private readWord(start: number, nested: ShellCommand[]): Token {
    const s = this.text;
    const n = this.n;
    let i = start;
    while (i < n) {
      const c = s[i]!;
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ';' || c === '|' || c === '(' || c === ')') break;
      if (c === '&') {
        // `>&2` and `&>` belong to a redirection word; a lone & ends the word.
        if (i > start && (s[i - 1] === '>' || s[i - 1] === '<')) {
          i++;
          continue;
        }
        if (i === start && s[i + 1] === '>') {
          i += 2;
          continue;
        }
        break;
      }
      if ((c === '<' || c === '>') && s[i + 1] === '(') bail();
      if ((c === '<' || c === '>') && i > start && !/^\d+$/.test(s.slice(start, i)) && s[i - 1] !== '<' && s[i - 1] !== '>' && s[i - 1] !== '&') break;
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === "'") {
        const close = s.indexOf("'", i + 1);
        if (close === -1) bail();
        i = close + 1;
        continue;
      }
      if (c === '"') {
        i = this.readDouble(i + 1, nested);
        continue;
      }
      if (c === '`') {
        i = this.readBackquote(i, nested);
        continue;
      }
      if (c === '$' && s[i + 1] === '(') {
        if (s[i + 2] === '(') {
          i = matchParen(s, i + 1);
          continue;
        }
        i = this.readSubstitution(i + 2, nested);
        continue;
      }
      if (c === '$' && s[i + 1] === '{') {
        const close = matchBraces(s, i + 1);
        i = close + 1;
        continue;
      }
      if (c === '$' && s[i + 1] === "'") {
        const close = s.indexOf("'", i + 2);
        if (close === -1) bail();
        i = close + 1;
        continue;
      }
      if (c === '<' && s[i + 1] === '<') {
        if (s[i + 2] === '<') {
          i += 3;
          continue;
        }
        bail();
      }
      if (c === '{' && i === start && s[i + 1] !== ' ' && s[i + 1] !== '\t' && s[i + 1] !== '\n' && s.indexOf('}', i) !== -1 && /^\{[^\s}]*,[^\s}]*\}/.test(s.slice(i, i + 200))) {
        // Brace expansion {a,b}: part of the word.
        i = s.indexOf('}', i) + 1;
        continue;
      }
      i++;
    }
    this.i = i;
    return { kind: 'word', text: s.slice(start, i), start, end: i };
  }

  private readDouble(i: number, nested: ShellCommand[]): number {
    const s = this.text;
    while (i < this.n) {
      const c = s[i]!;
      if (c === '"') return i + 1;
      if (c === '\\') i += 2;
      else if (c === '`') i = this.readBackquote(i, nested);
      else if (c === '$' && s[i + 1] === '(') i = s[i + 2] === '(' ? matchParen(s, i + 1) : this.readSubstitution(i + 2, nested);
      else if (c === '$' && s[i + 1] === '{') i = matchBraces(s, i + 1) + 1;
      else i++;
    }
    return bail();
  }

  /** Parses `$(…)` starting after the `(`; returns the offset after the `)`. */
  private readSubstitution(from: number, nested: ShellCommand[]): number {
    const close = matchParen(this.text, from - 1) - 1;
    const inner = new Reader(this.text.slice(from, close), this.toFile, { commands: [], pipelines: [], hasError: false }, true, this.base + from, this.depth + 1);
    inner.run();
    const sub = (inner as unknown as { script: ShellScript }).script;
    nested.push(...sub.commands);
    this.script.pipelines.push(...sub.pipelines);
    return close + 1;
  }

  private readBackquote(open: number, nested: ShellCommand[]): number {
    const s = this.text;
    let i = open + 1;
    while (i < this.n && s[i] !== '`') i += s[i] === '\\' ? 2 : 1;
    if (i >= this.n) bail();
    const body = s.slice(open + 1, i);
    if (body.includes('\\')) bail();
    const inner = new Reader(body, this.toFile, { commands: [], pipelines: [], hasError: false }, true, this.base + open + 1, this.depth + 1);
    inner.run();
    const sub = (inner as unknown as { script: ShellScript }).script;
    nested.push(...sub.commands);
    this.script.pipelines.push(...sub.pipelines);
    return i + 1;
  }
}

/** Offset after the `)` matching the `(` at `open`, skipping quotes and nested parentheses. */
function matchParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === "'") {
      const close = s.indexOf("'", i + 1);
      if (close === -1) bail();
      i = close;
    } else if (c === '"') {
      i++;
      while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
    else if (c === 'c' && /^case\s/.test(s.slice(i, i + 5)) && /[\s;(]/.test(s[i - 1] ?? ' ')) bail();
  }
  return bail();
}

function matchBraces(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  return bail();
}
