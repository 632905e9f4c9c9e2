import { createRequire } from 'node:module';
import type { Parser, TreeCursor } from 'web-tree-sitter';
import { importEsm } from '../../util/import-esm.js';

/** A word of a shell command, with file offsets. */
export interface ShellWord {
  /** Best-effort value after quote removal (expansions are kept as written). */
  value: string;
  raw: string;
  start: number;
  end: number;
}

export interface ShellPipeline {
  start: number;
  end: number;
  /** Number of stages (`a | b | c` has 3). */
  size: number;
  commands: ShellCommand[];
}

export interface ShellCommand {
  /** The command name as written after quote removal, e.g. "apt-get" or "/usr/bin/curl". */
  name: string;
  /** The last path segment of the name, e.g. "curl" for "/usr/bin/curl". */
  base: string;
  nameWord: ShellWord;
  args: ShellWord[];
  /** `VAR=value` prefixes. */
  assignments: string[];
  start: number;
  end: number;
  /** Set when the command is a stage of a pipeline. */
  pipeline?: { pipeline: ShellPipeline; stage: number };
  /** Inside `$(…)` or backquotes. */
  substituted: boolean;
}

export interface ShellScript {
  /** Every simple command in source order, those inside substitutions included. */
  commands: ShellCommand[];
  pipelines: ShellPipeline[];
  /** The parser met a syntax error (the commands it recognised are still listed). */
  hasError: boolean;
  /** Not parsed because it exceeds the size bound. */
  skipped?: boolean;
}

/** Syntax trees deeper than this are cut off while listing commands. */
const MAX_DEPTH = 400;

/** Scripts larger than this are not parsed (hostile or generated input). */
export const MAX_SHELL_BYTES = 512 * 1024;

const require = createRequire(import.meta.url);

// web-tree-sitter loads its WebAssembly asynchronously while rules are synchronous: initShell()
// loads it once, on the first Dockerfile a scan meets (Analyzer.prepare), and every parse after
// that is synchronous. Runs without Dockerfiles never pay for it.
let parser: Parser | undefined;
let T!: Record<'command' | 'commandName' | 'assignment' | 'pipeline' | 'comment' | 'fileRedirect' | 'heredocRedirect' | 'herestringRedirect' | 'heredocBody' | 'commandSubstitution', number>;
/** Node types that cannot hold a command unless they contain a substitution. */
let LEAVES!: Set<number>;
let loading: Promise<void> | undefined;

async function load(): Promise<void> {
  const { Language, Parser } = await importEsm<typeof import('web-tree-sitter')>('web-tree-sitter');
  await Parser.init();
  const language = await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
  const p = new Parser();
  p.setLanguage(language);
  const id = (name: string) => language.idForNodeType(name, true) ?? -1;
  T = {
    command: id('command'),
    commandName: id('command_name'),
    assignment: id('variable_assignment'),
    pipeline: id('pipeline'),
    comment: id('comment'),
    fileRedirect: id('file_redirect'),
    heredocRedirect: id('heredoc_redirect'),
    herestringRedirect: id('herestring_redirect'),
    heredocBody: id('heredoc_body'),
    commandSubstitution: id('command_substitution'),
  };
  LEAVES = new Set(
    ['word', 'string', 'raw_string', 'concatenation', 'simple_expansion', 'expansion', 'number', 'ansi_c_string', 'translated_string', 'variable_name', 'comment', 'heredoc_body', 'heredoc_start', 'heredoc_end', 'regex', 'extglob_pattern', 'special_variable_name'].map(id),
  );
  parser = p;
}

/** Resolves once the shell grammar is loaded (it already is when this module has been imported). */
/** Loads tree-sitter-bash; safe to call many times. */
export function initShell(): Promise<void> {
  return (loading ??= load());
}

/** Whether initShell() has finished. */
export function shellReady(): boolean {
  return parser !== undefined;
}

/**
 * Parses a shell script with tree-sitter-bash and lists its simple commands and pipelines.
 * `toFile` maps an offset in `text` to an offset in the scanned file.
 */
export function parseShell(text: string, toFile: (offset: number) => number = (o) => o): ShellScript {
  const script: ShellScript = { commands: [], pipelines: [], hasError: false };
  if (text.length > MAX_SHELL_BYTES) {
    script.skipped = true;
    return script;
  }
  if (!parser) throw new Error('the shell parser is not initialised: await initShell() first');
  const tree = parser.parse(text);
  if (!tree) return { ...script, hasError: true };
  try {
    script.hasError = tree.rootNode.hasError;
    const cursor = tree.walk();
    try {
      new Walker(text, toFile, cursor, script).node(undefined, false);
    } finally {
      cursor.delete();
    }
  } finally {
    tree.delete();
  }
  return script;
}

type PipeContext = { pipeline: ShellPipeline; stage: number } | undefined;

class Walker {
  constructor(
    private readonly text: string,
    private readonly toFile: (offset: number) => number,
    private readonly cur: TreeCursor,
    private readonly script: ShellScript,
  ) {}

  /** Current nesting; past MAX_DEPTH the rest of a branch is not read (hostile input). */
  private depth = 0;

  node(pipe: PipeContext, substituted: boolean): void {
    if (this.depth > MAX_DEPTH) {
      this.script.hasError = true;
      return;
    }
    this.depth++;
    try {
      this.visit(pipe, substituted);
    } finally {
      this.depth--;
    }
  }

  private visit(pipe: PipeContext, substituted: boolean): void {
    const cur = this.cur;
    const type = cur.nodeTypeId;
    if (type === T.command) return this.command(pipe, substituted);
    if (type === T.pipeline) return this.pipeline(substituted);
    if (type === T.commandSubstitution) return this.children(undefined, true);
    if (LEAVES.has(type)) {
      if (this.hasSubstitution(cur.startIndex, cur.endIndex)) this.children(pipe, true);
      return;
    }
    this.children(pipe, substituted);
  }

  private children(pipe: PipeContext, substituted: boolean): void {
    const cur = this.cur;
    if (!cur.gotoFirstChild()) return;
    do this.node(pipe, substituted);
    while (cur.gotoNextSibling());
    cur.gotoParent();
  }

  private hasSubstitution(start: number, end: number): boolean {
    const s = this.text.slice(start, end);
    return s.includes('$(') || s.includes('`') || s.includes('<(') || s.includes('>(');
  }

  private pipeline(substituted: boolean): void {
    const cur = this.cur;
    const p: ShellPipeline = { start: this.toFile(cur.startIndex), end: this.toFile(cur.endIndex), size: 0, commands: [] };
    this.script.pipelines.push(p);
    if (!cur.gotoFirstChild()) return;
    let stage = 0;
    do {
      if (!cur.nodeIsNamed || cur.nodeTypeId === T.comment) continue;
      this.node({ pipeline: p, stage: stage++ }, substituted);
    } while (cur.gotoNextSibling());
    cur.gotoParent();
    p.size = stage;
  }

  private command(pipe: PipeContext, substituted: boolean): void {
    const cur = this.cur;
    const start = cur.startIndex;
    const end = cur.endIndex;
    let nameWord: ShellWord | undefined;
    const args: ShellWord[] = [];
    const assignments: string[] = [];
    const nested: Array<[number, number]> = [];
    if (cur.gotoFirstChild()) {
      do {
        const t = cur.nodeTypeId;
        const s = cur.startIndex;
        const e = cur.endIndex;
        if (t === T.assignment) {
          assignments.push(this.text.slice(s, e));
          if (this.hasSubstitution(s, e)) this.children(undefined, true);
        } else if (t === T.commandName) {
          nameWord = this.word(s, e);
          if (this.hasSubstitution(s, e)) this.children(undefined, true);
        } else if (t === T.fileRedirect || t === T.heredocRedirect || t === T.herestringRedirect || t === T.comment) {
          if (this.hasSubstitution(s, e)) nested.push([s, e]);
        } else if (s < e) {
          args.push(this.word(s, e));
          if (this.hasSubstitution(s, e)) this.children(undefined, true);
        }
      } while (cur.gotoNextSibling());
      cur.gotoParent();
    }
    if (!nameWord) return;
    const name = nameWord.value;
    const slash = name.lastIndexOf('/');
    const command: ShellCommand = {
      name,
      base: slash === -1 ? name : name.slice(slash + 1),
      nameWord,
      args,
      assignments,
      start: this.toFile(start),
      end: this.toFile(end),
      substituted,
    };
    if (pipe) {
      command.pipeline = pipe;
      pipe.pipeline.commands.push(command);
    }
    // Keep source order: substitutions inside arguments were pushed first, the command goes before them.
    const list = this.script.commands;
    let at = list.length;
    while (at > 0 && list[at - 1]!.start >= command.start && list[at - 1]!.substituted && !substituted) at--;
    list.splice(at, 0, command);
  }

  private word(s: number, e: number): ShellWord {
    const raw = this.text.slice(s, e);
    return { raw, value: unquote(raw), start: this.toFile(s), end: this.toFile(e) };
  }
}

/** Removes shell quoting from a word, leaving expansions as written. */
export function unquote(raw: string): string {
  if (!/["'\\]/.test(raw)) return raw;
  let out = '';
  let i = 0;
  const n = raw.length;
  while (i < n) {
    const c = raw[i]!;
    if (c === "'") {
      const close = raw.indexOf("'", i + 1);
      const stop = close === -1 ? n : close;
      out += raw.slice(i + 1, stop);
      i = stop + 1;
    } else if (c === '"') {
      i++;
      while (i < n && raw[i] !== '"') {
        if (raw[i] === '\\' && i + 1 < n && '"\\$`\n'.includes(raw[i + 1]!)) {
          out += raw[i + 1];
          i += 2;
        } else out += raw[i++];
      }
      i++;
    } else if (c === '\\' && i + 1 < n) {
      out += raw[i + 1];
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** A script of one command given as an argument list (exec form), without invoking a parser. */
export function scriptFromWords(words: readonly ShellWord[]): ShellScript {
  const script: ShellScript = { commands: [], pipelines: [], hasError: false };
  if (words.length === 0) return script;
  const nameWord = words[0]!;
  const slash = nameWord.value.lastIndexOf('/');
  script.commands.push({
    name: nameWord.value,
    base: slash === -1 ? nameWord.value : nameWord.value.slice(slash + 1),
    nameWord,
    args: words.slice(1),
    assignments: [],
    start: nameWord.start,
    end: words[words.length - 1]!.end,
    substituted: false,
  });
  return script;
}
