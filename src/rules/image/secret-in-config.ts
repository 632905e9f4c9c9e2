import { configPointer, type ImageDocument } from '../../parsers/image/document.js';
import { defineRule } from '../types.js';

/** Names that hold secrets; `_FILE` variants name a path to a secret, which is the good practice. */
const SECRET_NAME = /(?:PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|AUTH_?KEY|CREDENTIALS?)(?![A-Z0-9_]*_FILE$)/i;
const PLACEHOLDER = /^(?:|changeme|change-me|none|null|false|true|\*+|x+|<.*>|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?)$/i;

function mask(value: string): string {
  return value.length <= 4 ? '****' : `${value.slice(0, 2)}${'*'.repeat(Math.min(8, value.length - 2))}`;
}

export default defineRule<ImageDocument>({
  meta: {
    id: 'IMG-002',
    slug: 'secret-in-config',
    title: 'Secret in image environment or labels',
    severity: 'high',
    appliesTo: ['image'],
    description: 'ENV values and labels are stored in the image configuration, readable by anyone who can pull the image and shown by docker inspect.',
    remediation: 'Pass secrets at run time from a secret store (Kubernetes Secrets, Docker secrets, a mounted file named by *_FILE), never with ENV or LABEL.',
    aliases: ['CIS-DI-0010'],
    practice: 'P8',
    references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#cis-di-0010', 'https://docs.docker.com/build/building/secrets/'],
    examples: {
      bad: ['{"reference": "app:1", "config": {"config": {"Env": ["PATH=/bin", "DB_PASSWORD=hunter22"]}}, "files": []}\n'],
      good: ['{"reference": "app:1", "config": {"config": {"Env": ["PATH=/bin", "DB_PASSWORD_FILE=/run/secrets/db"]}}, "files": []}\n'],
    },
  },
  check(doc, ctx) {
    const env = doc.config.config?.Env;
    if (Array.isArray(env)) {
      env.forEach((entry, i) => {
        if (typeof entry !== 'string') return;
        const eq = entry.indexOf('=');
        const name = eq < 0 ? entry : entry.slice(0, eq);
        const value = eq < 0 ? '' : entry.slice(eq + 1);
        if (!SECRET_NAME.test(name) || PLACEHOLDER.test(value.trim())) return;
        ctx.report({
          message: `Environment variable ${name} holds what looks like a secret (${mask(value)}); it is stored in the image configuration.`,
          at: configPointer(doc, 'config', 'Env', i),
          fingerprintData: `env:${name}`,
          properties: { variable: name },
        });
      });
    }
    const labels = doc.config.config?.Labels;
    if (labels && typeof labels === 'object') {
      for (const [name, value] of Object.entries(labels)) {
        if (typeof value !== 'string' || !SECRET_NAME.test(name) || PLACEHOLDER.test(value.trim())) continue;
        ctx.report({
          message: `Label ${name} holds what looks like a secret (${mask(value)}); labels are public.`,
          at: configPointer(doc, 'config', 'Labels', name),
          fingerprintData: `label:${name}`,
          properties: { label: name },
        });
      }
    }
  },
});
