import type { DockerfileDocument } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { fingerprintOf, resourceOf, wordTarget } from './support/dockerfile.js';

const SECRET_NAME = /(?:^|_)(?:PASSWORD|PASSWD|PASSPHRASE|SECRET|SECRETS|TOKEN|API_?KEY|ACCESS_?KEY|SECRET_?KEY|PRIVATE_?KEY|AUTH_?KEY|CLIENT_?SECRET|CREDENTIALS?|AWS_ACCESS_KEY_ID|CONNECTION_?STRING)(?:_|$)/i;
/** Names that point at a secret rather than hold one. */
const POINTER_NAME = /_(?:FILE|PATH|DIR|FILENAME|NAME|LENGTH|TTL|EXPIRY|HEADER|ENABLED|TYPE|URL|URI|ENDPOINT|HOST|PORT|VERSION|MODE|ISSUER|AUDIENCE|SCOPES?)$/i;
const SECRET_VALUE: Array<[RegExp, string]> = [
  [/^(?:AKIA|ASIA)[0-9A-Z]{16}$/, 'an AWS access key id'],
  [/^gh[pousr]_[A-Za-z0-9]{36,}$|^github_pat_[A-Za-z0-9_]{40,}$/, 'a GitHub token'],
  [/^glpat-[A-Za-z0-9_-]{20,}$/, 'a GitLab token'],
  [/^xox[abprs]-[A-Za-z0-9-]{10,}$/, 'a Slack token'],
  [/^sk_live_[A-Za-z0-9]{20,}$/, 'a Stripe secret key'],
  [/^AIza[0-9A-Za-z_-]{35}$/, 'a Google API key'],
  [/^npm_[A-Za-z0-9]{36}$/, 'an npm token'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/^eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}$/, 'a JSON Web Token'],
  [/^[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:[^\s@/]{3,}@/i, 'a URL with a password'],
];

/** Describes a secret without revealing it: a short prefix and the length. */
export function redact(value: string): string {
  return `"${value.slice(0, 4)}…" (${value.length} characters)`;
}

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-010',
    slug: 'secret-in-env-or-arg',
    title: 'Secret in ENV or ARG',
    severity: 'critical',
    appliesTo: ['dockerfile'],
    description: 'ENV values are stored in the image configuration and ARG values in its history, so anyone who can pull the image can read a secret passed this way.',
    remediation: 'Pass secrets at build time with `RUN --mount=type=secret,id=…` and at run time from a secret store, never through ENV or ARG.',
    aliases: ['DS-0031', 'DS031', 'AVD-DS-0031', 'CIS-DI-0010'],
    practice: 'P8',
    references: ['https://docs.docker.com/build/building/secrets/', 'https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/'],
    examples: {
      bad: ['FROM alpine:3.20\nENV DB_PASSWORD=hunter22\n', 'FROM alpine:3.20\nARG GITHUB_TOKEN\n'],
      good: ['FROM alpine:3.20\nENV DB_PASSWORD_FILE=/run/secrets/db\nARG VERSION=1.2\n'],
    },
  },
  check(doc, ctx) {
    for (const ins of doc.instructions) {
      if (ins.keyword !== 'ENV' && ins.keyword !== 'ARG') continue;
      for (const pair of ins.pairs) {
        const name = pair.key.value;
        const value = pair.value?.value ?? '';
        const byName = SECRET_NAME.test(name) && !POINTER_NAME.test(name);
        const kind = SECRET_VALUE.find(([re]) => re.test(value))?.[1];
        const literal = value !== '' && !/^\$\{?[A-Za-z_]/.test(value);
        if (kind && pair.value) {
          ctx.report({
            message: `${ins.keyword} ${name} holds ${kind}: ${redact(value)}.`,
            at: wordTarget(doc, pair.value),
            resource: resourceOf(doc, ins),
            fingerprintData: fingerprintOf(doc, ins, name),
          });
        } else if (byName && (ins.keyword === 'ARG' || literal || value.startsWith('$'))) {
          const what = value === '' ? 'is declared as a build argument; its value is recorded in the image history' : `is set to ${redact(value)}`;
          ctx.report({
            message: `${ins.keyword} ${name} looks like a secret and ${what}.`,
            at: wordTarget(doc, pair.value ?? pair.key),
            resource: resourceOf(doc, ins),
            fingerprintData: fingerprintOf(doc, ins, name),
          });
        }
      }
    }
  },
});
