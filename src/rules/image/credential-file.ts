import { describeFile, fileReport, type ImageDocument } from '../../parsers/image/document.js';
import { defineRule } from '../types.js';

/** File names that hold keys or credentials. */
const NAMES = new Set([
  'id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', 'id_ecdsa_sk', 'id_ed25519_sk',
  '.git-credentials', '.netrc', '_netrc', '.npmrc', '.pypirc', '.htpasswd', '.pgpass', '.my.cnf',
  'secring.gpg', 'credentials.json', 'credential.json', 'client_secret.json', 'service-account.json', 'secrets.json',
  '.env', '.vault-token', 'terraform.tfvars', 'kubeconfig',
]);
/** Keys and key stores; `.asc`/`.gpg` are left out: in images they are public keyrings and signatures. */
const SUFFIXES = ['.key', '.pem', '.p12', '.pfx', '.jks', '.keystore', '.ppk', '.kdbx', '.ovpn', '.tfstate'];
const PATHS = [/(?:^|\/)\.gnupg\/private-keys-v1\.d\/[^/]+$/, /(?:^|\/)\.aws\/credentials$/, /(?:^|\/)\.docker\/config\.json$/, /(?:^|\/)\.kube\/config$/, /(?:^|\/)\.ssh\/[^/]+$/, /(?:^|\/)\.config\/gcloud\/(?:credentials\.db|application_default_credentials\.json)$/, /^\/etc\/ssh\/ssh_host_[a-z0-9]+_key$/];
/** Places where packages ship test keys and public certificates; not secrets of this image. */
const IGNORED = [/^\/usr\/share\//, /^\/usr\/lib\/python[^/]*\/.*\/tests?\//, /^\/etc\/ssl\/certs\//, /^\/usr\/(?:local\/)?lib\/node_modules\/.*\/test\//, /^\/etc\/ca-certificates\//, /^\/usr\/local\/share\/ca-certificates\//, /\/\.ssh\/(?:known_hosts|authorized_keys|config|[^/]+\.pub)$/];

export function isCredentialPath(path: string): boolean {
  if (IGNORED.some((r) => r.test(path))) return false;
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (NAMES.has(name)) return true;
  if (PATHS.some((r) => r.test(path))) return true;
  // Public certificates (.crt, .pem bundles under certs/) are not secrets; keys are.
  if (SUFFIXES.some((s) => name.endsWith(s))) return !/(?:^|\/)certs?\//.test(path) || name.endsWith('.key');
  return false;
}

export default defineRule<ImageDocument>({
  meta: {
    id: 'IMG-003',
    slug: 'credential-file',
    title: 'Key or credential file in an image layer',
    severity: 'high',
    appliesTo: ['image'],
    description: 'Every layer of an image can be read by whoever pulls it, so a key or credential file in any layer is leaked, even when a later layer deletes it.',
    remediation: 'Keep keys and credentials out of the build context (.dockerignore), use build secrets (RUN --mount=type=secret) and rebuild the image without the file; rotate the leaked credential.',
    aliases: ['CIS-DI-0010'],
    practice: 'P8',
    references: ['https://github.com/goodwithtech/dockle/blob/master/CHECKPOINT.md#cis-di-0010', 'https://docs.docker.com/build/building/secrets/'],
    examples: {
      bad: ['{"reference": "app:1", "config": {}, "files": [\n  {"path": "/root/.ssh/id_rsa", "type": "file", "mode": "0600", "uid": 0, "gid": 0, "size": 1679, "layer": "sha256:aa", "removed": "deleted"}\n]}\n'],
      good: ['{"reference": "app:1", "config": {}, "files": [\n  {"path": "/etc/ssl/certs/ca-certificates.crt", "type": "file", "mode": "0644", "uid": 0, "gid": 0, "size": 200000, "layer": "sha256:aa"}\n]}\n'],
    },
  },
  check(doc, ctx) {
    doc.files.forEach((f, i) => {
      if (f.type !== 'file' && f.type !== 'hardlink') return;
      if (!isCredentialPath(f.path)) return;
      ctx.report({ message: `Key or credential file ${describeFile(f)}.`, ...fileReport(doc, i) });
    });
  },
});
