/** Facts about Compose values that several rules share: image references, host paths, capabilities, secrets. */

export interface ImageReference {
  /** Everything before the tag and digest. */
  name: string;
  tag?: string;
  digest?: string;
}

export function parseImageReference(ref: string): ImageReference {
  let rest = ref.trim();
  const out: ImageReference = { name: rest };
  const at = rest.indexOf('@');
  if (at !== -1) {
    out.digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    out.tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  out.name = rest;
  return out;
}

/** Capability names as Compose accepts them: any case, with or without the CAP_ prefix. */
export function capabilityName(text: string): string {
  const upper = text.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

/** Normalises a host path for comparison: collapses slashes, drops a trailing slash and `/./`. */
export function normaliseHostPath(path: string): string {
  let p = path.trim().replace(/\\/g, '/');
  if (p.startsWith('//') && !p.startsWith('///')) p = p.slice(1);
  p = p.replace(/\/+/g, '/').replace(/\/\.(?=\/|$)/g, '');
  if (p.length > 1) p = p.replace(/\/$/, '');
  return p;
}

const RUNTIME_SOCKETS = new Set(['docker.sock', 'containerd.sock', 'crio.sock', 'podman.sock', 'cri-dockerd.sock', 'dockershim.sock', 'buildkitd.sock']);

/** The container runtime socket a host path names, if it names one. */
export function runtimeSocket(source: string): string | undefined {
  const p = normaliseHostPath(source);
  if (/pipe\/docker_engine$/i.test(p)) return 'docker_engine';
  const base = p.slice(p.lastIndexOf('/') + 1);
  return RUNTIME_SOCKETS.has(base) ? base : undefined;
}

/** Host directories whose mount hands the container the host itself. */
const SENSITIVE_EXACT = new Set(['/', '/etc', '/root', '/boot', '/dev', '/proc', '/sys', '/usr', '/bin', '/sbin', '/lib', '/lib64', '/var', '/var/run', '/run', '/home', '/var/lib']);
/** Host paths sensitive together with everything below them. */
const SENSITIVE_TREES = [
  '/proc',
  '/sys',
  '/boot',
  '/root',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/var/lib/kubelet',
  '/var/run/containerd',
  '/run/containerd',
  '/etc/kubernetes',
  '/etc/docker',
  '/etc/ssh',
  '/etc/shadow',
  '/etc/gshadow',
  '/etc/passwd',
  '/etc/group',
  '/etc/sudoers',
  '/etc/sudoers.d',
  '/etc/pam.d',
  '/etc/crontab',
  '/etc/cron.d',
  '/etc/systemd',
  '/lib/modules',
  '/usr/lib/modules',
  '/dev/mem',
  '/dev/kmem',
  '/dev/port',
];
/** Credential directories in a home directory. */
const CREDENTIAL_DIRS = /(^|\/)(\.ssh|\.aws|\.kube|\.docker|\.gnupg|\.azure|\.config\/gcloud)(\/|$)/;

/** Why mounting this host path is dangerous, or undefined. */
export function sensitiveHostPath(source: string): string | undefined {
  const p = normaliseHostPath(source);
  if (SENSITIVE_EXACT.has(p)) return p === '/' ? "the host's root filesystem" : `the host's ${p}`;
  for (const tree of SENSITIVE_TREES) {
    if (p === tree || p.startsWith(`${tree}/`)) return `the host's ${tree}`;
  }
  const cred = CREDENTIAL_DIRS.exec(p);
  if (cred) return `a credential directory (${cred[2]})`;
  return undefined;
}

/** How much of a secret a message may show: a short prefix and the length, never the value. */
export function redact(value: string): string {
  const n = [...value].length;
  const shown = n >= 16 ? 4 : n >= 8 ? 2 : n >= 4 ? 1 : 0;
  const prefix = [...value].slice(0, shown).join('');
  return `${shown > 0 ? `"${prefix}…"` : 'a value'} of ${n} character${n === 1 ? '' : 's'}`;
}

const SECRET_NAME = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|AUTH_?KEY|CREDENTIALS?|(^|_)PWD$|(^|_)PASS$|_KEY$|^KEY$)/i;
/** Names that mention a secret but hold something else: a file, a length, a switch, … */
const NOT_SECRET_NAME = /(_FILE|_PATH|_DIR|_LENGTH|_LEN|_TTL|_EXPIRY|_EXPIRES?|_EXPIRATION|_TIMEOUT|_ENABLED?|_DISABLED?|_REQUIRED|_TYPE|_MODE|_POLICY|_HEADER|_NAME|_ID|_USER|_USERNAME|_ALGORITHM|_HASH_?ALGO|_ROTATION|_LIFETIME|_AGE)$|ALLOW_EMPTY|RANDOM|GENERATE|SKIP|(^|_)NO_/i;
const PLACEHOLDER = /^(true|false|yes|no|on|off|null|none|nil|undefined|changeme_?later|<[^>]*>|\*+|x+|\.\.\.)$/i;

const VALUE_SHAPES: [kind: string, phrase: string, shape: RegExp][] = [
  ['AWS access key id', 'an AWS access key id', /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['GitHub token', 'a GitHub token', /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/],
  ['GitLab token', 'a GitLab token', /\bglpat-[A-Za-z0-9_-]{20,}/],
  ['Slack token', 'a Slack token', /\bxox[abposr]-[A-Za-z0-9-]{10,}/],
  ['Stripe secret key', 'a Stripe secret key', /\b[sr]k_live_[A-Za-z0-9]{20,}/],
  ['Google API key', 'a Google API key', /\bAIza[0-9A-Za-z_-]{35}\b/],
  ['private key', 'a private key', /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/],
  ['JSON Web Token', 'a JSON Web Token', /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/],
  ['password in a URL', 'a URL with an embedded password', /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^:/@\s]*:[^@/\s]+@/],
];

/** "an AWS access key id", "a URL with an embedded password", … for a kind `literalSecret` returned. */
export function secretKindPhrase(kind: string): string {
  return VALUE_SHAPES.find(([k]) => k === kind)?.[1] ?? kind;
}

/**
 * Why an environment variable's literal value looks like a secret, or undefined. Values that refer
 * to a variable are never secrets here: the secret lives elsewhere.
 */
export function literalSecret(name: string, value: string | undefined, interpolated: boolean): string | undefined {
  if (value === undefined || interpolated) return undefined;
  const v = value.trim();
  if (v === '') return undefined;
  for (const [kind, , re] of VALUE_SHAPES) if (re.test(v)) return kind;
  if (!SECRET_NAME.test(name) || NOT_SECRET_NAME.test(name)) return undefined;
  if (PLACEHOLDER.test(v)) return undefined;
  // A path names where the secret is (/run/secrets/db-password), not the secret.
  if (/^(\/|\.\/|~\/)[^\s]*$/.test(v)) return undefined;
  return 'name';
}
