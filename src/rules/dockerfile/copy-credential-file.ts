import type { DockerfileDocument, Word } from '../../parsers/dockerfile/index.js';
import { defineRule } from '../types.js';
import { copyOperands } from './add-instead-of-copy.js';
import { fingerprintOf, resourceOf, wordTarget } from './support/dockerfile.js';

const CREDENTIAL_FILE: Array<[RegExp, string]> = [
  [/^\.env(?:\.(?!example$|sample$|template$|dist$|defaults?$)[^/]+)?$/i, 'an environment file'],
  [/^id_(?:rsa|dsa|ecdsa|ed25519)$/, 'an SSH private key'],
  [/\.(?:pem|key|p12|pfx|jks|keystore|ppk)$/i, 'a key or certificate bundle'],
  [/^\.(?:npmrc|pypirc|netrc|git-credentials|dockercfg|htpasswd|pgpass|s3cfg|boto)$/i, 'a credentials file'],
  [/^credentials(?:\.json|\.ya?ml|\.xml)?$/i, 'a credentials file'],
  [/^(?:secrets?|service-account|serviceaccount|client_secrets?)\.(?:json|ya?ml|env)$/i, 'a secrets file'],
  [/^\.?terraform\.tfstate$|^terraform\.tfvars$/i, 'a Terraform state or variables file'],
  [/^kubeconfig$|^\.kube\/config$/i, 'a kubeconfig'],
  [/^\.aws\/credentials$|^\.docker\/config\.json$|^\.ssh\/.+(?<!\.pub)$/i, 'a credentials file'],
];

export function credentialKind(path: string): string | undefined {
  const clean = path.replace(/\/+$/, '');
  const base = clean.slice(clean.lastIndexOf('/') + 1);
  const lastTwo = clean.split('/').slice(-2).join('/');
  for (const [re, kind] of CREDENTIAL_FILE) if (re.test(base) || re.test(lastTwo)) return kind;
  return undefined;
}

export default defineRule<DockerfileDocument>({
  meta: {
    id: 'DF-011',
    slug: 'copy-credential-file',
    title: 'Key or credentials file copied into the image',
    severity: 'critical',
    appliesTo: ['dockerfile'],
    description: 'A key, token or credentials file copied into a layer stays readable in the image, even if a later step deletes it, by anyone who can pull it.',
    remediation: 'Keep such files out of the build context with .dockerignore, and use `RUN --mount=type=secret` or `--mount=type=ssh` for what the build needs.',
    aliases: ['DS-0031', 'DS031', 'AVD-DS-0031', 'CIS-DI-0010'],
    practice: 'P8',
    references: ['https://docs.docker.com/build/building/secrets/', 'https://docs.docker.com/build/concepts/context/#dockerignore-files'],
    examples: {
      bad: ['FROM node:22\nCOPY .npmrc package.json /app/\n', 'FROM alpine:3.20\nADD id_rsa /root/.ssh/id_rsa\n'],
      good: ['FROM node:22\nCOPY package.json /app/\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n'],
    },
  },
  check(doc, ctx) {
    for (const ins of doc.instructions) {
      if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
      if (ins.flags.some((f) => f.name === 'from')) continue;
      const { sources, dest } = copyOperands(ins);
      const seen = new Set<string>();
      const report = (w: Word, kind: string, role: string) => {
        if (seen.has(kind + w.value)) return;
        seen.add(kind + w.value);
        ctx.report({
          message: `${ins.keyword} puts ${kind} (${role} "${w.value.slice(0, 80)}") into the image.`,
          at: wordTarget(doc, w),
          resource: resourceOf(doc, ins),
          fingerprintData: fingerprintOf(doc, ins, w.value),
        });
      };
      let found = false;
      for (const w of sources) {
        const kind = credentialKind(w.value);
        if (kind) {
          found = true;
          report(w, kind, 'source');
        }
      }
      if (!found && dest && !dest.value.endsWith('/') && sources.length === 1) {
        const kind = credentialKind(dest.value);
        if (kind) report(dest, kind, 'destination');
      }
    }
  },
});
