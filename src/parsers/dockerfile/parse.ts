import type { Resource } from '../../model/index.js';
import type { Range, Target } from '../../rules/types.js';
import { parseInlineIgnores } from '../../util/inline-ignore.js';
import { LineIndex } from '../../util/lines.js';
import { parseShellScript as parseShell, scriptFromWords, type ShellScript } from '../shell/index.js';
import { expandRaw, makeMapper, parseJsonArray, readFlags, splitWords } from './lexer.js';
import type { DockerfileDocument, EnvPair, Flag, Heredoc, Instruction, ParseError, Segment, Stage, Word } from './types.js';

export interface DockerfileParseResult {
  document: DockerfileDocument;
  errors: ParseError[];
}

const KNOWN = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
  'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);
const DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const DIRECTIVE_LINE = /^#[ \t]*([A-Za-z][A-Za-z0-9_-]*)[ \t]*=[ \t]*(.*?)[ \t]*$/;
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
const FLAG_KEYWORDS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']);
const JSON_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME', 'HEALTHCHECK']);
const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c'];
const SHELLS = /^(?:ba|a|da|z|k|mk)?sh$/;
const EMPTY_VARS: ReadonlyMap<string, string> = new Map();
/** At most this many instructions are kept; the rest of a hostile file is ignored with an error. */
export const MAX_INSTRUCTIONS = 20_000;

/** Parses Dockerfile text. Pure: never throws on bad input, problems come back as errors. */
export function parseDockerfile(text: string, path: string): DockerfileParseResult {
  return new DockerfileParser(text, path).parse();
}

class DockerfileParser {
  private readonly errors: ParseError[] = [];
  private readonly lines: LineIndex;
  private escape = '\\';
  private readonly directives: DockerfileDocument['directives'] = { escape: '\\' };
  private readonly ignoredDirectives: number[] = [];
  private readonly instructions: Instruction[] = [];
  private readonly stages: Stage[] = [];
  private readonly globalArgs = new Map<string, string>();
  private vars: ReadonlyMap<string, string> = EMPTY_VARS;
  private shell: readonly string[] = DEFAULT_SHELL;

  constructor(
    private readonly text: string,
    private readonly path: string,
  ) {
    this.lines = new LineIndex(text);
  }

  parse(): DockerfileParseResult {
    const lineCount = this.lines.lineCount;
    let n = this.readDirectives();
    while (n <= lineCount) {
      const first = this.firstNonBlank(n);
      if (first === -1) {
        n++;
        continue;
      }
      if (this.text.charCodeAt(first) === 35 /* # */) {
        const m = DIRECTIVE_LINE.exec(this.lines.line(n).trimStart());
        if (m && DIRECTIVES.has(m[1]!.toLowerCase())) this.ignoredDirectives.push(n);
        n++;
        continue;
      }
      if (this.instructions.length >= MAX_INSTRUCTIONS) {
        this.errors.push({ message: `more than ${MAX_INSTRUCTIONS} instructions; the rest of the file is not checked`, code: 'too-large', line: n });
        break;
      }
      n = this.readInstruction(n);
    }
    if (this.stages.length === 0 && this.instructions.length > 0) {
      this.errors.push({ message: 'no FROM instruction', code: 'dockerfile-syntax', line: this.lines.position(this.instructions[0]!.start).line });
    }
    return { document: this.document(), errors: this.errors };
  }

  /** Offset of the first character of line `n` that is not a space, tab or CR; -1 for a blank line. */
  private firstNonBlank(n: number): number {
    const text = this.text;
    let i = this.lines.lineStart(n);
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13) i++;
      else return c === 10 || Number.isNaN(c) ? -1 : i;
    }
  }

  /** Parser directives: `# key=value` lines at the very top, before any comment, blank line or instruction. */
  private readDirectives(): number {
    let n = 1;
    const seen = new Set<string>();
    while (n <= this.lines.lineCount) {
      const m = DIRECTIVE_LINE.exec(this.lines.line(n));
      if (!m) break;
      const key = m[1]!.toLowerCase();
      if (!DIRECTIVES.has(key) || seen.has(key)) break;
      seen.add(key);
      const value = m[2]!;
      if (key === 'escape') {
        if (value === '\\' || value === '`') this.escape = this.directives.escape = value;
        else this.errors.push({ message: `invalid escape directive "${value.slice(0, 20)}": must be \\ or \``, code: 'dockerfile-syntax', line: n });
      } else if (key === 'syntax') this.directives.syntax = value;
      else this.directives.check = value;
      n++;
    }
    return n;
  }

  /** Reads one instruction starting on line `first`; returns the next line to look at. */
  private readInstruction(first: number): number {
    const text = this.text;
    const lines = this.lines;
    const lineCount = lines.lineCount;
    const segments: Segment[] = [];
    // Pieces are joined once: a string built by repeated += is a rope, slow to index character by character.
    const pieces: string[] = [];
    let joinedLength = 0;
    let n = first;
    const firstStart = lines.lineStart(first);
    const firstLine = lines.line(first);
    const lead = firstLine.length - firstLine.trimStart().length;
    let endOffset = firstStart + firstLine.length;
    const add = (lineNo: number, from: number) => {
      const line = lines.line(lineNo);
      const start = lines.lineStart(lineNo);
      let body = line.slice(from);
      const cont = continues(body, this.escape);
      if (cont !== -1) body = body.slice(0, cont);
      segments.push({ logical: joinedLength, physical: start + from, length: body.length });
      pieces.push(body);
      joinedLength += body.length;
      endOffset = start + line.length;
      return cont !== -1;
    };
    let more = add(first, lead);
    n = first + 1;
    while (more && n <= lineCount) {
      const nb = this.firstNonBlank(n);
      if (nb === -1 || this.text.charCodeAt(nb) === 35 /* # */) {
        n++;
        continue;
      }
      more = add(n, 0);
      n++;
    }
    const joined = pieces.length === 1 ? pieces[0]! : pieces.join('');
    const kwMatch = /^\S+/.exec(joined)!;
    const keyword = kwMatch[0].toUpperCase();
    const map = makeMapper(segments);
    const keywordStart = map(0);
    const keywordEnd = map(kwMatch[0].length);
    let textOffset = kwMatch[0].length;
    while (textOffset < joined.length && (joined[textOffset] === ' ' || joined[textOffset] === '\t')) textOffset++;
    const argText = joined.slice(textOffset);
    const tmap = (o: number) => map(textOffset + o);

    const ins: Instruction = {
      index: this.instructions.length,
      keyword,
      keywordStart,
      keywordEnd,
      start: keywordStart,
      end: endOffset,
      text: argText,
      textOffset,
      segments,
      flags: [],
      args: [],
      json: undefined,
      argsOffset: 0,
      heredocs: [],
      stage: this.stages.length - 1,
      vars: this.vars,
      shell: this.shell,
      pairs: [],
    };
    if (!KNOWN.has(keyword)) {
      this.errors.push({ message: `unknown instruction "${kwMatch[0].slice(0, 40)}"`, code: 'dockerfile-syntax', line: first });
    }

    if (FLAG_KEYWORDS.has(keyword)) {
      const { flags, rest } = readFlags(argText, 0, this.escape, tmap);
      ins.flags = flags;
      ins.argsOffset = rest;
    }
    if (JSON_KEYWORDS.has(keyword)) ins.json = parseJsonArray(argText, ins.argsOffset, tmap);
    if (HEREDOC_KEYWORDS.has(keyword) && !ins.json) {
      const markers = findHeredocMarkers(argText, ins.argsOffset);
      if (markers.length > 0) n = this.readHeredocs(ins, markers, tmap, n);
    }
    // RUN and shell-form commands are split by the shell parser on demand; others are split here.
    if (!ins.json && keyword !== 'RUN' && keyword !== 'CMD' && keyword !== 'ENTRYPOINT' && keyword !== 'HEALTHCHECK') {
      ins.args = splitWords(argText, ins.argsOffset, this.escape, tmap);
    }
    this.instructions.push(ins);
    this.apply(ins);
    return n;
  }

  private readHeredocs(ins: Instruction, markers: Marker[], tmap: (o: number) => number, next: number): number {
    const lines = this.lines;
    let n = next;
    for (const m of markers) {
      const bodyStart = n <= lines.lineCount ? lines.lineStart(n) : this.text.length;
      let terminated = false;
      let bodyEnd = this.text.length;
      while (n <= lines.lineCount) {
        const line = lines.line(n);
        const candidate = m.stripTabs ? line.replace(/^\t+/, '') : line;
        if (candidate === m.name) {
          bodyEnd = lines.lineStart(n);
          terminated = true;
          ins.end = lines.lineStart(n) + line.length;
          n++;
          break;
        }
        n++;
      }
      if (!terminated) {
        ins.end = this.text.length;
        this.errors.push({
          message: `heredoc "${m.name.slice(0, 40)}" is not terminated`,
          code: 'dockerfile-syntax',
          line: this.lines.position(tmap(m.start)).line,
        });
      }
      const heredoc: Heredoc = {
        name: m.name,
        stripTabs: m.stripTabs,
        quoted: m.quoted,
        markerStart: tmap(m.start),
        markerEnd: tmap(m.end),
        bodyStart,
        bodyEnd: Math.max(bodyStart, bodyEnd),
        body: this.text.slice(bodyStart, Math.max(bodyStart, bodyEnd)),
        terminated,
      };
      ins.heredocs.push(heredoc);
      if (!terminated) break;
    }
    return n;
  }

  /** Updates stages, variables and the shell after an instruction. */
  private apply(ins: Instruction): void {
    switch (ins.keyword) {
      case 'FROM':
        return this.startStage(ins);
      case 'ARG':
      case 'ENV':
        return this.define(ins);
      case 'SHELL':
        if (ins.json && ins.json.length > 0) this.shell = ins.json.map((w) => w.value);
        return;
      default:
        if (ins.stage >= 0) this.stages[ins.stage]!.instructions.push(ins);
    }
  }

  private startStage(ins: Instruction): void {
    const args = ins.args;
    const imageWord = args[0];
    const image = imageWord ? expandRaw(imageWord.raw, this.globalArgs, this.escape) : '';
    let name: string | undefined;
    let nameWord: Word | undefined;
    if (args.length >= 3 && args[1]!.value.toLowerCase() === 'as') {
      nameWord = args[2];
      name = nameWord!.value.toLowerCase();
    } else if (args.length !== 1) {
      this.errors.push({ message: 'FROM takes an image and an optional AS name', code: 'dockerfile-syntax', line: this.lines.position(ins.start).line });
    }
    const lower = image.toLowerCase();
    const base = this.stages.find((s) => s.name !== undefined && s.name === lower);
    const platform = ins.flags.find((f) => f.name === 'platform')?.value;
    const index = this.stages.length;
    ins.stage = index;
    const stage: Stage = {
      index,
      name,
      nameWord,
      from: ins,
      imageWord,
      image,
      baseStage: base?.index,
      platform: platform === undefined ? undefined : expandRaw(platform, this.globalArgs, this.escape),
      instructions: [ins],
    };
    this.stages.push(stage);
    // A stage sees the ENV of the stage it is built on; ARGs must be declared again.
    this.vars = base ? envOnly(base) : EMPTY_VARS;
    this.shell = base ? base.instructions[base.instructions.length - 1]!.shell : DEFAULT_SHELL;
    ins.vars = this.vars;
    ins.shell = this.shell;
  }

  private define(ins: Instruction): void {
    const pairs: EnvPair[] = [];
    const words = ins.args;
    if (ins.keyword === 'ENV' && words.length > 0 && !words[0]!.value.includes('=')) {
      // Legacy form: ENV KEY rest of the line.
      const key = words[0]!;
      const restStart = ins.text.indexOf(key.raw) + key.raw.length;
      const restRaw = ins.text.slice(restStart).trim();
      const last = words[words.length - 1]!;
      const value = words.length > 1 ? { value: words.slice(1).map((w) => w.value).join(' '), raw: restRaw, start: words[1]!.start, end: last.end } : undefined;
      pairs.push({ key, value });
    } else {
      for (const w of words) {
        const eq = w.raw.indexOf('=');
        if (eq === -1) {
          pairs.push({ key: w, value: undefined });
          continue;
        }
        const keyRaw = w.raw.slice(0, eq);
        const valueRaw = w.raw.slice(eq + 1);
        const key: Word = { value: keyRaw, raw: keyRaw, start: w.start, end: w.start + eq };
        const value: Word = { value: w.value.slice(w.value.indexOf('=') + 1), raw: valueRaw, start: w.start + eq + 1, end: w.end };
        pairs.push({ key, value });
      }
    }
    ins.pairs = pairs;
    const global = ins.stage < 0;
    const next = new Map(global ? this.globalArgs : this.vars);
    for (const p of pairs) {
      const key = p.key.value;
      if (p.value) next.set(key, expandRaw(p.value.raw, global ? this.globalArgs : next, this.escape));
      else if (ins.keyword === 'ARG' && !global && this.globalArgs.has(key)) next.set(key, this.globalArgs.get(key)!);
      else if (ins.keyword === 'ARG' && !next.has(key) && global) continue;
    }
    if (global) {
      for (const [k, v] of next) this.globalArgs.set(k, v);
    } else {
      this.vars = next;
      const stage = this.stages[ins.stage]!;
      stage.instructions.push(ins);
      if (ins.keyword === 'ENV') stage.envKeys ??= new Set();
      if (ins.keyword === 'ENV') for (const p of pairs) stage.envKeys!.add(p.key.value);
    }
  }

  private document(): DockerfileDocument {
    const { text, path, lines } = this;
    const stages = this.stages;
    const finalStage = stages[stages.length - 1];
    const feedsFinal = finalStage ? stagesFeeding(stages, finalStage.index) : new Set<number>();
    const escape = this.escape;
    const rangeOf = (start: number, end: number): Range => {
      const a = lines.position(start);
      const b = lines.position(Math.max(start, end));
      return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
    };
    const lastLine = lines.lineCount;
    const range: Range = { startLine: 1, startColumn: 1, endLine: lastLine, endColumn: lines.line(lastLine).length + 1 };
    const resource: Resource = { kind: 'Dockerfile', name: path };
    if (finalStage) resource.container = stageLabel(finalStage);
    const cache = new Map<Instruction, ShellScript>();
    const instructions = this.instructions;
    const doc: DockerfileDocument = {
      kind: 'dockerfile',
      path,
      text,
      resource,
      range,
      directives: this.directives,
      ignoredDirectives: this.ignoredDirectives,
      instructions,
      stages,
      finalStage,
      feedsFinal,
      globalArgs: this.globalArgs,
      ignores: parseInlineIgnores(text),
      rangeOf,
      resolve(target: Target): Range {
        if ('range' in target) return target.range;
        const [head, index] = target.pointer;
        const ins = head === 'instructions' && typeof index === 'number' ? instructions[index] : undefined;
        return ins ? rangeOf(ins.start, ins.end) : range;
      },
      snippet(r: Range): string {
        return lines.slice(r.startLine, r.startColumn, r.endLine, r.endColumn);
      },
      shell(ins: Instruction): ShellScript {
        let script = cache.get(ins);
        if (!script) {
          script = shellOf(ins);
          cache.set(ins, script);
        }
        return script;
      },
      expand(value: string, ins: Instruction): string {
        return expandRaw(value, ins.stage < 0 || ins.keyword === 'FROM' ? doc.globalArgs : ins.vars, escape);
      },
    };
    return doc;
  }
}

/** The offset, in a line, where a trailing escape (plus whitespace) begins; -1 when the line does not continue. */
function continues(line: string, escape: string): number {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  if (end > 0 && line[end - 1] === escape) return end - 1;
  return -1;
}

interface Marker {
  name: string;
  stripTabs: boolean;
  quoted: boolean;
  start: number;
  end: number;
}

/** Heredoc markers (`<<EOF`, `<<-EOF`, `<<"EOF"`) outside quotes, in order. */
function findHeredocMarkers(text: string, from: number): Marker[] {
  if (!text.includes('<<', from)) return [];
  const out: Marker[] = [];
  const n = text.length;
  let i = from;
  while (i < n) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      i = close === -1 ? n : close + 1;
      continue;
    }
    if (c === '<' && text[i + 1] === '<' && text[i + 2] !== '<' && (i === 0 || text[i - 1] !== '<')) {
      const m = /^<<(-?)(?:"([^"\n]+)"|'([^'\n]+)'|([A-Za-z0-9_][A-Za-z0-9_.\-]*))/.exec(text.slice(i, i + 300));
      if (m) {
        const name = m[2] ?? m[3] ?? m[4]!;
        out.push({ name, stripTabs: m[1] === '-', quoted: m[4] === undefined, start: i, end: i + m[0].length });
        i += m[0].length;
        continue;
      }
    }
    i++;
  }
  return out;
}

function envOnly(stage: Stage): ReadonlyMap<string, string> {
  const last = stage.instructions[stage.instructions.length - 1]!;
  const keys = stage.envKeys;
  const inherited = new Map<string, string>();
  if (keys) for (const k of keys) if (last.vars.has(k)) inherited.set(k, last.vars.get(k)!);
  return inherited;
}

/** The stages a stage is built from: its base, COPY --from and RUN --mount from=, transitively. */
export function stagesFeeding(stages: readonly Stage[], target: number): Set<number> {
  const seen = new Set<number>();
  const visit = (i: number) => {
    if (seen.has(i) || !stages[i]) return;
    seen.add(i);
    const s = stages[i]!;
    if (s.baseStage !== undefined) visit(s.baseStage);
    for (const ins of s.instructions) {
      for (const ref of stageRefs(ins)) {
        const dep = findStage(stages, ref, i);
        if (dep !== undefined) visit(dep);
      }
    }
  };
  visit(target);
  return seen;
}

/** `--from` values of COPY/ADD and `from=` of RUN mounts. */
export function stageRefs(ins: Instruction): string[] {
  const refs: string[] = [];
  for (const f of ins.flags) {
    if (f.name === 'from' && f.value !== undefined && (ins.keyword === 'COPY' || ins.keyword === 'ADD')) refs.push(f.value);
    if (f.name === 'mount' && f.value) {
      const m = /(?:^|,)from=([^,]+)/.exec(f.value);
      if (m) refs.push(m[1]!);
    }
  }
  return refs;
}

/** The index of the stage a `--from` value names (by name or number) among stages before `before`. */
export function findStage(stages: readonly Stage[], ref: string, before: number): number | undefined {
  const lower = ref.toLowerCase();
  if (/^\d+$/.test(lower)) {
    const i = Number(lower);
    return i < before ? i : undefined;
  }
  for (let i = 0; i < before; i++) if (stages[i]!.name === lower) return i;
  return undefined;
}

export function stageLabel(stage: Stage): string {
  return stage.name ?? `stage ${stage.index}`;
}

/** The shell script an instruction runs, as the shell parser sees it. */
function shellOf(ins: Instruction): ShellScript {
  const empty: ShellScript = { commands: [], pipelines: [], hasError: false };
  const shell = ins.shell;
  const shellName = (shell[0] ?? '').toLowerCase().replace(/^.*[\\/]/, '');
  if (/^(?:powershell|pwsh|cmd)(?:\.exe)?$/.test(shellName)) return empty;
  const map = makeMapper(ins.segments);
  const tmap = (o: number) => map(ins.textOffset + o);
  let argsOffset = ins.argsOffset;
  if (ins.keyword === 'HEALTHCHECK') {
    const m = /^CMD\s+/i.exec(ins.text.slice(argsOffset));
    if (!m) return empty;
    argsOffset += m[0].length;
  }
  if (ins.json) {
    const words = ins.json;
    const name = (words[0]?.value ?? '').replace(/^.*\//, '');
    const c = words.findIndex((w) => w.value === '-c');
    if (SHELLS.test(name) && c > 0 && words[c + 1]) {
      const script = words[c + 1]!;
      return parseShell(script.value, (o) => Math.min(script.start + 1 + o, script.end - 1));
    }
    return scriptFromWords(words);
  }
  let command = ins.text.slice(argsOffset);
  if (ins.heredocs.length === 0) return parseShell(command, makeMapper(ins.segments, ins.textOffset + argsOffset));
  // Blank the markers (keeping offsets) so the command line parses on its own.
  command = blankMarkers(command);
  const words = command.trim().split(/\s+/).filter((w) => w !== '' && !/^[<>|&;]/.test(w));
  const runsBodies = words.length === 0 || (SHELLS.test((words[0] ?? '').replace(/^.*\//, '')) && !words.includes('-c'));
  if (!runsBodies) return parseShell(command, (o) => tmap(argsOffset + o));
  const merged: ShellScript = { commands: [], pipelines: [], hasError: false };
  for (const h of ins.heredocs) {
    const body = h.stripTabs ? h.body.replace(/^\t+/gm, '') : h.body;
    const shift = h.bodyStart;
    const script = parseShell(body, (o) => Math.min(shift + o, h.bodyEnd));
    merged.commands.push(...script.commands);
    merged.pipelines.push(...script.pipelines);
    merged.hasError ||= script.hasError;
    if (script.skipped) merged.skipped = true;
  }
  return merged;
}

function blankMarkers(command: string): string {
  return command.replace(/<<-?(?:"[^"\n]+"|'[^'\n]+'|[A-Za-z0-9_][A-Za-z0-9_.\-]*)/g, (m) => ' '.repeat(m.length));
}

export type { Flag };
