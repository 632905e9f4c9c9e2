import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { operands } from '../../parsers/shell/index.js';
import { defineRule } from '../types.js';
import { isInstall, packageCalls, resourceOf, runs, span, type PackageCall } from './support/dockerfile.js';

const BUILD_TOOL = /^(?:gcc|g\+\+|gcc-c\+\+|clang|llvm|make|cmake|ninja-build|ninja|build-essential|build-base|autoconf|automake|libtool|git|golang|go|rustc|cargo|maven|gradle|dpkg-dev|pkg-config|pkgconf|bison|flex)(?:[-=~><].*)?$/;
const REMOVE = new Set(['remove', 'purge', 'autoremove', 'del', 'erase', 'rm']);

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-029',
    slug: 'build-tools-in-final-image',
    title: 'Build tools left in a single-stage image',
    severity: 'medium',
    appliesTo: ['dockerfile'],
    description: 'Compilers, git and similar tools shipped in the runtime image give an intruder everything needed to build and fetch further tooling, and add packages to patch.',
    remediation: 'Use a multi-stage build: compile in a builder stage and COPY --from it only the artefacts into a minimal final stage; or remove the tools in the same RUN that installed them.',
    aliases: [],
    practice: 'P6',
    references: ['https://docs.docker.com/build/building/multi-stage/', 'https://docs.docker.com/build/building/best-practices/#use-multi-stage-builds'],
    examples: {
      bad: ['FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends gcc make && make && rm -rf /var/lib/apt/lists/*\n'],
      good: [
        'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc make && make\nFROM debian:12-slim\nCOPY --from=build /src/app /app\n',
        'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc make && make && apk del .build-deps\n',
      ],
    },
  },
  check(doc, ctx) {
    if (doc.stages.length !== 1) return;
    const removed = new Set<string>();
    let autoremove = false;
    const installs: Array<{ p: PackageCall; tools: string[]; virtual?: string }> = [];
    for (const { commands } of runs(doc)) {
      for (const p of packageCalls(commands)) {
        if (REMOVE.has(p.sub)) {
          for (const w of p.rest) removed.add(w.value.replace(/[=<>~].*$/, ''));
          if (p.sub === 'autoremove' || p.cmd.args.some((a) => a.value === '--auto-remove')) autoremove = true;
          continue;
        }
        if (!isInstall(p)) continue;
        const tools = p.rest.map((w) => w.value).filter((v) => BUILD_TOOL.test(v)).map((v) => v.replace(/[=<>~].*$/, ''));
        if (tools.length === 0) continue;
        const vi = p.cmd.args.findIndex((a) => a.value === '--virtual' || a.value === '-t');
        installs.push({ p, tools, virtual: vi === -1 ? undefined : p.cmd.args[vi + 1]?.value });
      }
      for (const c of commands) if (c.base === 'apt-mark' && operands(c)[0]?.value === 'auto') autoremove = true;
    }
    for (const { p, tools, virtual } of installs) {
      if (virtual && removed.has(virtual)) continue;
      const left = tools.filter((t) => !removed.has(t));
      if (left.length === 0 || (autoremove && p.tool.startsWith('apt'))) continue;
      ctx.report({
        message: `The only stage installs ${left.slice(0, 6).join(', ')} and keeps them in the final image; build in a separate stage.`,
        at: span(doc, p.cmd.nameWord.start, (p.subWord ?? p.cmd.nameWord).end),
        resource: resourceOf(doc, doc.finalStage!.from),
        fingerprintData: left.join(','),
      });
      return;
    }
  },
});
