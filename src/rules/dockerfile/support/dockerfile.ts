import type { DockerfileDocument, Instruction, Stage } from '../../../parsers/dockerfile/index.js';
import { stageLabel } from '../../../parsers/dockerfile/index.js';
import { effectiveCommands, flagMatches, operands, type ShellCommand, type ShellWord } from '../../../parsers/shell/index.js';
import type { Resource } from '../../../model/index.js';
import type { Target } from '../../types.js';

/** A target covering two file offsets. */
export function span(doc: DockerfileDocument, start: number, end: number): Target {
  return { range: doc.rangeOf(start, end) };
}

/** A target covering the instruction's first line (keyword to end of line, or the whole instruction when shorter). */
export function instructionTarget(doc: DockerfileDocument, ins: Instruction): Target {
  const nl = doc.text.indexOf('\n', ins.start);
  const lineEnd = nl === -1 ? doc.text.length : nl > 0 && doc.text[nl - 1] === '\r' ? nl - 1 : nl;
  return span(doc, ins.start, Math.min(ins.end, lineEnd));
}

export function wordTarget(doc: DockerfileDocument, w: { start: number; end: number }): Target {
  return span(doc, w.start, w.end);
}

/** The resource of a finding about a stage. */
export function stageResource(doc: DockerfileDocument, stageIndex: number): Resource {
  const stage = doc.stages[stageIndex];
  const base = doc.resource ?? { kind: 'Dockerfile', name: doc.path };
  return stage ? { ...base, container: stageLabel(stage) } : base;
}

export function resourceOf(doc: DockerfileDocument, ins: Instruction): Resource {
  return stageResource(doc, ins.stage);
}

/** Stable identity of an instruction for fingerprints: stage, keyword and its text. */
export function fingerprintOf(doc: DockerfileDocument, ins: Instruction, extra = ''): string {
  const stage = doc.stages[ins.stage];
  return `${stage ? stageLabel(stage) : ''}/${ins.keyword}/${ins.text.slice(0, 200)}${extra ? `/${extra}` : ''}`;
}

export interface RunCommands {
  ins: Instruction;
  /** Commands with wrappers (sudo, env, xargs, …) removed. */
  commands: ShellCommand[];
}

/** Every RUN instruction with its commands. */
export function* runs(doc: DockerfileDocument): Generator<RunCommands> {
  for (const ins of doc.instructions) {
    if (ins.keyword !== 'RUN') continue;
    let commands = unwrapped.get(ins);
    if (!commands) {
      commands = effectiveCommands(doc.shell(ins));
      unwrapped.set(ins, commands);
    }
    yield { ins, commands };
  }
}

// Every rule walks the same RUNs: unwrap and classify their commands once per instruction.
const unwrapped = new WeakMap<Instruction, ShellCommand[]>();
const classified = new WeakMap<readonly ShellCommand[], PackageCall[]>();

/** Whether a RUN mounts a cache or tmpfs at one of the paths (package caches then never reach the image). */
export function mountsCacheAt(ins: Instruction, paths: RegExp): boolean {
  return ins.flags.some((f) => f.name === 'mount' && f.value !== undefined && /(?:^|,)type=(?:cache|tmpfs)(?:,|$)/.test(f.value) && paths.test(f.value));
}

export type PackageTool = 'apt-get' | 'apt' | 'apk' | 'yum' | 'dnf' | 'microdnf' | 'zypper';

const VALUED: Record<PackageTool, ReadonlySet<string>> = {
  'apt-get': new Set(['-o', '-c', '-t', '--option', '--config-file', '--target-release', '--default-release']),
  apt: new Set(['-o', '-c', '-t', '--option', '--config-file', '--target-release', '--default-release']),
  apk: new Set(['-X', '--repository', '-p', '--root', '--arch', '--cache-dir', '-t', '--virtual', '--repositories-file', '--keys-dir']),
  yum: new Set(['-c', '-d', '-e', '-x', '--exclude', '--enablerepo', '--disablerepo', '--installroot', '--releasever', '--setopt']),
  dnf: new Set(['-c', '-d', '-e', '-x', '--exclude', '--enablerepo', '--disablerepo', '--installroot', '--releasever', '--setopt', '--repo']),
  microdnf: new Set(['--enablerepo', '--disablerepo', '--installroot', '--releasever', '--setopt']),
  zypper: new Set(['-R', '--root', '-D', '--reposd-dir', '-C', '--cache-dir', '-c', '--config', '-r', '--repo', '--from', '-t', '--type']),
};

export interface PackageCall {
  cmd: ShellCommand;
  tool: PackageTool;
  /** The subcommand (install, update, add, …), lower-case. */
  sub: string;
  subWord: ShellWord | undefined;
  /** Operands after the subcommand (package names for install). */
  rest: ShellWord[];
}

export function packageCall(cmd: ShellCommand): PackageCall | undefined {
  const tool = cmd.base as PackageTool;
  // Own keys only: a command named "constructor" or "toString" is not a package manager.
  if (!Object.hasOwn(VALUED, tool)) return undefined;
  const ops = operands(cmd, VALUED[tool]);
  return { cmd, tool, sub: (ops[0]?.value ?? '').toLowerCase(), subWord: ops[0], rest: ops.slice(1) };
}

export function packageCalls(commands: readonly ShellCommand[]): PackageCall[] {
  const cached = classified.get(commands);
  if (cached) return cached;
  const out: PackageCall[] = [];
  classified.set(commands, out);
  for (const c of commands) {
    const p = packageCall(c);
    if (p) out.push(p);
  }
  return out;
}

export const INSTALL_SUBCOMMANDS: Record<PackageTool, ReadonlySet<string>> = {
  'apt-get': new Set(['install']),
  apt: new Set(['install']),
  apk: new Set(['add']),
  yum: new Set(['install', 'groupinstall', 'localinstall', 'reinstall']),
  dnf: new Set(['install', 'groupinstall', 'localinstall', 'reinstall']),
  microdnf: new Set(['install', 'reinstall']),
  zypper: new Set(['install', 'in', 'source-install', 'si']),
};

export function isInstall(p: PackageCall): boolean {
  return INSTALL_SUBCOMMANDS[p.tool].has(p.sub) && !isDryRun(p);
}

/** apt-get -s and friends only simulate. */
export function isDryRun(p: PackageCall): boolean {
  return p.cmd.args.some((a) => /^(?:-s|--simulate|--dry-run|--just-print|--no-act|--recon|--print-uris|--download-only|-d)$/.test(a.value) || (p.tool === 'apk' && a.value === '--simulate'));
}

export { flagMatches };

/** Whether the user a USER value names is root. */
export function isRootUser(value: string): boolean {
  const user = value.split(':')[0]!.trim().toLowerCase();
  return user === 'root' || user === '0' || /^0+$/.test(user);
}

/** The stages from `stage` down its FROM-stage chain (itself first). */
export function stageChain(doc: DockerfileDocument, stage: Stage): Stage[] {
  const out: Stage[] = [];
  let s: Stage | undefined = stage;
  while (s && !out.includes(s)) {
    out.push(s);
    s = s.baseStage === undefined ? undefined : doc.stages[s.baseStage];
  }
  return out;
}

/** Whether a FROM names something other than an image (scratch or an earlier stage) or could not be resolved. */
export function fromIsImage(stage: Stage): boolean {
  if (stage.baseStage !== undefined) return false;
  const image = stage.image.trim();
  return image !== '' && image.toLowerCase() !== 'scratch' && !image.includes('$');
}

/** RUNs of the stages whose filesystem the final image inherits (the final stage and its FROM chain). */
export function* finalImageRuns(doc: DockerfileDocument): Generator<RunCommands> {
  const final = doc.finalStage;
  if (!final) return;
  const chain = new Set(stageChain(doc, final).map((s) => s.index));
  for (const r of runs(doc)) if (chain.has(r.ins.stage)) yield r;
}

/** Whether any command removes a path under one of the prefixes (`rm -rf /var/lib/apt/lists/*`). */
export function removesPath(commands: readonly ShellCommand[], prefix: RegExp): boolean {
  return commands.some((c) => c.base === 'rm' && c.args.some((a) => prefix.test(a.value)));
}
