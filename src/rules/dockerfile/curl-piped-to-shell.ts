import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { unwrap, type ShellCommand } from '../../parsers/shell/index.js';
import { defineRule } from '../types.js';
import { fingerprintOf, resourceOf, span } from './support/dockerfile.js';

const FETCH = new Set(['curl', 'wget']);
const SHELL = /^(?:ba|a|da|z|k|mk)?sh$/;

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-007',
    slug: 'curl-piped-to-shell',
    title: 'Downloaded script piped into a shell',
    severity: 'high',
    appliesTo: ['dockerfile'],
    description: 'Piping curl or wget into a shell runs whatever the server returns, unverified, with the build\'s privileges; a compromised or hijacked URL owns the image.',
    remediation: 'Download the script to a file, verify its checksum or signature, then run it; better, install the tool from a package or a pinned release.',
    aliases: [],
    practice: 'P6',
    references: ['https://docs.docker.com/build/building/best-practices/#run'],
    examples: {
      bad: ['FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | sh\n', 'FROM debian:12\nRUN bash -c "$(wget -qO- https://example.com/i.sh)"\n'],
      good: ['FROM debian:12\nRUN curl -fsSLo /tmp/i.sh https://example.com/install.sh && echo "abc  /tmp/i.sh" | sha256sum -c - && sh /tmp/i.sh\n'],
    },
  },
  check(doc, ctx) {
    for (const ins of doc.instructions) {
      if (ins.keyword !== 'RUN') continue;
      const script = doc.shell(ins);
      for (const p of script.pipelines) {
        let fetch: ShellCommand | undefined;
        for (const c of p.commands) {
          const u = unwrap(c);
          if (FETCH.has(u.base)) fetch ??= c;
          else if (fetch && SHELL.test(u.base) && c.pipeline!.stage > fetch.pipeline!.stage && !u.args.some((a) => a.value === '-n')) {
            ctx.report({
              message: `${unwrap(fetch).base} output is piped into ${u.base}: the downloaded script runs unverified.`,
              at: span(doc, fetch.start, c.end),
              resource: resourceOf(doc, ins),
              fingerprintData: fingerprintOf(doc, ins, `${fetch.start - ins.start}`),
            });
            break;
          }
        }
      }
      for (const c of script.commands) {
        const u = unwrap(c);
        if (!SHELL.test(u.base)) continue;
        if (!u.args.some((a) => /(?:\$\(|<\(|`)\s*(?:\S*\/)?(?:curl|wget)\b/.test(a.raw))) continue;
        ctx.report({
          message: `${u.base} runs a script downloaded in a substitution: it runs unverified.`,
          at: span(doc, c.start, c.end),
          resource: resourceOf(doc, ins),
          fingerprintData: fingerprintOf(doc, ins, `${c.start - ins.start}`),
        });
      }
    }
  },
});
