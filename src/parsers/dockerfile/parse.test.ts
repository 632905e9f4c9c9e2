import { describe, expect, it } from 'vitest';
import { dockerfileAnalyzer, isDockerfileName } from '../../analyzers/dockerfile.js';
import { DEFAULT_ANALYZER_SETTINGS } from '../../analyzers/types.js';
import { parseDockerfile } from './index.js';
import { initShell } from '../shell/index.js';

await initShell();

const analyze = (text: string | Uint8Array, path = 'Dockerfile') =>
  dockerfileAnalyzer.analyze({ path, bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text }, DEFAULT_ANALYZER_SETTINGS);

describe('discovery', () => {
  it('claims the Dockerfile family by base name', () => {
    for (const p of ['Dockerfile', 'a/b/Dockerfile', 'Dockerfile.dev', 'api.Dockerfile', 'x/web.dockerfile', 'Containerfile', 'Containerfile.prod', 'dockerfile'])
      expect(isDockerfileName(p), p).toBe(true);
    for (const p of ['Dockerfile.md', 'Dockerfile.txt', 'notes/Dockerfiles.yaml', 'compose.yaml', 'MyDockerfile', 'Dockerfile.orig'])
      expect(isDockerfileName(p), p).toBe(false);
  });
});

describe('parseDockerfile', () => {
  it('joins continuations, drops interior comments and maps words back to the file', () => {
    const text = 'FROM alpine:3.20\nRUN apk add \\\n# a comment\n    curl \\\n\n    git\n';
    const { document: d, errors } = parseDockerfile(text, 'Dockerfile');
    expect(errors).toEqual([]);
    const run = d.instructions[1]!;
    expect(run.text).toBe('apk add     curl     git');
    const cmd = d.shell(run).commands[0]!;
    expect(cmd.args.map((a) => a.value)).toEqual(['add', 'curl', 'git']);
    expect(d.rangeOf(cmd.args[2]!.start, cmd.args[2]!.end)).toEqual({ startLine: 6, startColumn: 5, endLine: 6, endColumn: 8 });
  });

  it('honours the escape directive and treats a misplaced directive as a comment', () => {
    const text = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n  C:\\\n# escape=\\\nWORKDIR C:\\app\n';
    const { document: d, errors } = parseDockerfile(text, 'Dockerfile');
    expect(errors).toEqual([]);
    expect(d.directives.escape).toBe('`');
    expect(d.ignoredDirectives).toEqual([5]);
    expect(d.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'WORKDIR']);
    expect(d.instructions[2]!.args[0]!.value).toBe('C:\\app');
  });

  it('substitutes ARG and ENV, including defaults, in FROM and later instructions', () => {
    const text = 'ARG REG=docker.io\nARG TAG\nFROM ${REG}/library/node:${TAG:-22} AS build\nARG TAG\nENV DIR=/srv APP=${DIR}/app\nWORKDIR $APP\nFROM build\nUSER ${UID:-10001}\n';
    const { document: d } = parseDockerfile(text, 'Dockerfile');
    expect(d.stages.map((s) => s.image)).toEqual(['docker.io/library/node:22', 'build']);
    expect(d.stages[1]!.baseStage).toBe(0);
    const workdir = d.instructions.find((i) => i.keyword === 'WORKDIR')!;
    expect(d.expand(workdir.args[0]!.raw, workdir)).toBe('/srv/app');
    const user = d.instructions.find((i) => i.keyword === 'USER')!;
    expect(d.expand(user.args[0]!.raw, user)).toBe('10001');
  });

  it('knows which stages feed the final one', () => {
    const text = 'FROM a:1 AS deps\nFROM b:1 AS unused\nFROM c:1 AS build\nCOPY --from=deps /x /x\nFROM d:1\nRUN --mount=type=bind,from=build,target=/b true\n';
    const { document: d } = parseDockerfile(text, 'Dockerfile');
    expect([...d.feedsFinal].sort()).toEqual([0, 2, 3]);
    expect(d.finalStage!.index).toBe(3);
  });

  it('reads heredocs and parses a heredoc script as shell', () => {
    const text = 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\nEOF\nCOPY <<-"CONF" /etc/app.conf\n\tkey=value\n\tCONF\nUSER app\n';
    const { document: d, errors } = parseDockerfile(text, 'Dockerfile');
    expect(errors).toEqual([]);
    expect(d.instructions.map((i) => i.keyword)).toEqual(['FROM', 'RUN', 'COPY', 'USER']);
    expect(d.shell(d.instructions[1]!).commands.map((c) => c.name)).toEqual(['set', 'apt-get']);
    expect(d.instructions[2]!.heredocs[0]).toMatchObject({ name: 'CONF', stripTabs: true, quoted: true, terminated: true });
  });

  it('reads exec form with positions', () => {
    const { document: d } = parseDockerfile('FROM x:1\nRUN ["apt-get", "install", "-y", "curl"]\n', 'Dockerfile');
    const c = d.shell(d.instructions[1]!).commands[0]!;
    expect(c.name).toBe('apt-get');
    expect(c.args.map((a) => a.value)).toEqual(['install', '-y', 'curl']);
    expect(d.rangeOf(c.nameWord.start, c.nameWord.end)).toEqual({ startLine: 2, startColumn: 6, endLine: 2, endColumn: 15 });
  });
});

describe('bad input never crashes', () => {
  it('binary content is a per-file error', () => {
    const out = analyze(new Uint8Array([0x46, 0x52, 0x00, 0x01, 0xff]));
    expect(out.documents).toEqual([]);
    expect(out.errors[0]!.code).toBe('binary');
  });

  it('invalid UTF-8 is a per-file error', () => {
    const out = analyze(new Uint8Array([0x46, 0x52, 0x4f, 0x4d, 0x20, 0xc3, 0x28]));
    expect(out.errors[0]!.code).toBe('encoding');
  });

  it('a megabyte line is parsed (its shell skipped past the bound) without throwing', () => {
    const long = 'a'.repeat(1024 * 1024);
    const out = analyze(`FROM alpine:3.20\nRUN echo ${long} | sh\nENV X=${long}\n`);
    expect(out.documents).toHaveLength(1);
    const d = out.documents[0] as ReturnType<typeof parseDockerfile>['document'];
    expect(d.shell(d.instructions[1]!).skipped).toBe(true);
  });

  it('an unterminated heredoc is reported and the rest still parses', () => {
    const out = analyze('FROM alpine:3.20\nRUN <<EOF\necho hi\nUSER app\n');
    expect(out.errors.map((e) => e.message)).toEqual(['heredoc "EOF" is not terminated']);
    expect(out.errors[0]!.line).toBe(2);
    expect(out.documents).toHaveLength(1);
  });

  it('a parser directive in the wrong place is a comment, as BuildKit treats it', () => {
    const out = analyze('FROM alpine:3.20\n# escape=`\nRUN echo a \\\n  b\n');
    expect(out.errors).toEqual([]);
    const d = out.documents[0] as ReturnType<typeof parseDockerfile>['document'];
    expect(d.directives.escape).toBe('\\');
    expect(d.instructions).toHaveLength(2);
  });

  it('unknown instructions and a missing FROM are per-file errors', () => {
    const out = analyze('RUN true\nFROBNICATE x\n');
    expect(out.errors.map((e) => e.code)).toEqual(['dockerfile-syntax', 'dockerfile-syntax']);
  });

  it('deeply nested substitutions neither overflow the stack nor throw', () => {
    const deep = '$('.repeat(5000) + 'ls' + ')'.repeat(5000);
    const out = analyze(`FROM alpine:3.20\nRUN echo ${deep}\n`);
    const d = out.documents[0] as ReturnType<typeof parseDockerfile>['document'];
    expect(() => d.shell(d.instructions[1]!)).not.toThrow();
  });

  it('shell syntax errors keep the commands that were recognised', () => {
    const { document: d } = parseDockerfile('FROM x:1\nRUN if then fi ( ; sudo make\n', 'Dockerfile');
    const script = d.shell(d.instructions[1]!);
    expect(script.hasError).toBe(true);
  });
});
