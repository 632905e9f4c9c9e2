import type { ScannedDocument } from '../../engine/document.js';
import type { Range } from '../../rules/types.js';
import type { ShellScript } from '../shell/index.js';

/** A token of an instruction's arguments, with its place in the file (offsets into the file text). */
export interface Word {
  /** The value after quote removal and escape processing (no variable substitution). */
  value: string;
  /** The text as written (continuations removed). */
  raw: string;
  start: number;
  end: number;
}

/** A `--name=value` flag of FROM, RUN, COPY, ADD or HEALTHCHECK. */
export interface Flag {
  name: string;
  /** undefined for a bare `--flag`. */
  value: string | undefined;
  start: number;
  end: number;
}

export interface Heredoc {
  name: string;
  /** `<<-`: leading tabs are stripped from body lines. */
  stripTabs: boolean;
  /** A quoted delimiter: no expansion inside the body. */
  quoted: boolean;
  /** Offset of the `<<` marker in the file. */
  markerStart: number;
  markerEnd: number;
  /** File offsets of the body (without the terminator line). */
  bodyStart: number;
  bodyEnd: number;
  body: string;
  terminated: boolean;
}

/** A piece of the joined instruction text: where it comes from in the file. */
export interface Segment {
  /** Offset in the joined (logical) text. */
  logical: number;
  /** Offset in the file. */
  physical: number;
  length: number;
}

export interface EnvPair {
  key: Word;
  /** Undefined for `ARG NAME` without a default. */
  value: Word | undefined;
}

export interface Instruction {
  /** Index in the document's instruction list. */
  index: number;
  /** Upper-case keyword, e.g. "RUN". */
  keyword: string;
  keywordStart: number;
  keywordEnd: number;
  /** File offsets of the whole instruction, heredoc bodies included. */
  start: number;
  end: number;
  /** The text after the keyword with line continuations and interior comments removed. */
  text: string;
  /** Where `text` starts in the joined text (after the keyword and its separator). */
  textOffset: number;
  segments: Segment[];
  flags: Flag[];
  /** Arguments after the flags, split like BuildKit splits words (shell form). */
  args: Word[];
  /** Exec (JSON array) form, when the arguments are one. */
  json: Word[] | undefined;
  /** Offset in `text` where the arguments start (after flags). */
  argsOffset: number;
  heredocs: Heredoc[];
  /** 0-based stage; -1 before the first FROM. */
  stage: number;
  /** Variables (ARG and ENV) visible at this instruction. */
  vars: ReadonlyMap<string, string>;
  /** The SHELL in effect for this instruction (default ["/bin/sh", "-c"]). */
  shell: readonly string[];
  /** ENV and ARG pairs. */
  pairs: EnvPair[];
}

export interface Stage {
  index: number;
  /** The `AS name` (lower-cased as BuildKit compares it), if any. */
  name: string | undefined;
  nameWord: Word | undefined;
  from: Instruction;
  /** The image as written. */
  imageWord: Word | undefined;
  /** The image after ARG substitution. */
  image: string;
  /** When FROM names an earlier stage, its index. */
  baseStage: number | undefined;
  platform: string | undefined;
  instructions: Instruction[];
  /** Names set by ENV in this stage (inherited by stages built on it). */
  envKeys?: Set<string>;
}

export interface ParseError {
  message: string;
  code: string;
  line?: number;
}

export interface DockerfileDocument extends ScannedDocument {
  kind: 'dockerfile';
  text: string;
  directives: { escape: string; syntax?: string; check?: string };
  /** Lines (1-based) of `# key=value` directives that came too late and count as comments. */
  ignoredDirectives: number[];
  instructions: Instruction[];
  stages: Stage[];
  /** The stage the build produces by default (the last one). */
  finalStage: Stage | undefined;
  /** Indexes of stages the final stage is built from (itself included). */
  feedsFinal: ReadonlySet<number>;
  /** ARGs declared before the first FROM, with their defaults. */
  globalArgs: ReadonlyMap<string, string>;
  /** The parsed shell of a RUN (or shell-form CMD/ENTRYPOINT/HEALTHCHECK): parsed on first request. */
  shell(instruction: Instruction): ShellScript;
  /** A file range for two file offsets. */
  rangeOf(start: number, end: number): Range;
  /** Substitutes variables the way BuildKit does for the instruction's words. */
  expand(value: string, instruction: Instruction): string;
}
