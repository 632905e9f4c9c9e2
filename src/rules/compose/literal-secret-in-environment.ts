import { literalSecret, redact, secretKindPhrase, type ComposeDocument } from '../../parsers/compose/index.js';
import { defineRule } from '../types.js';

export default defineRule<ComposeDocument>({
  meta: {
    id: 'DC-015',
    slug: 'literal-secret-in-environment',
    title: 'Secret written as a literal environment value or build argument',
    severity: 'high',
    appliesTo: ['compose'],
    description:
      'A password, token or key written into the Compose file ends up in version control, in `docker inspect` output and in the environment of every process in the container.',
    remediation:
      'Declare the secret under the top-level secrets: (from a file or an external store), grant it to the service with secrets:, and point the image at /run/secrets/<name> (many images read NAME_FILE); at the least, interpolate it from an untracked .env with ${NAME}.',
    aliases: [],
    practice: 'P8',
    references: ['https://docs.docker.com/compose/how-tos/use-secrets/', 'https://docs.docker.com/reference/compose-file/secrets/'],
    examples: {
      bad: ['services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: example-password\n'],
      good: [
        'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets: [db_password]\nsecrets:\n  db_password:\n    file: ./db_password.txt\n',
        'services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD:?set it in .env}\n',
      ],
    },
  },
  check(doc, ctx) {
    const s = doc.service;
    const sources = [
      { vars: s.environment, what: 'environment variable', key: 'env', advice: 'use Compose secrets: instead' },
      { vars: s.buildArgs, what: 'build argument', key: 'build-arg', advice: 'build arguments stay in the image history; pass it with build.secrets and RUN --mount=type=secret instead' },
    ];
    for (const { vars, what, key, advice } of sources) {
      for (const e of vars) {
        const kind = literalSecret(e.name, e.value, e.interpolated);
        if (!kind || e.value === undefined) continue;
        const why = kind === 'name' ? 'its name says it is a secret' : `the value looks like ${secretKindPhrase(kind)}`;
        ctx.report({
          message: `Service "${s.name}" sets ${what} ${e.name} to a literal secret (${redact(e.value.trim())}; ${why}); ${advice}.`,
          at: { pointer: e.pointer },
          fingerprintData: `${key}/${e.name}`,
          properties: { variable: e.name, secretType: kind },
        });
      }
    }
  },
});
