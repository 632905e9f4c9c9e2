/** A parsed image reference: `[registry[:port]/]repository[:tag][@sha256:…]`. */
export interface ImageReference {
  /** Registry host as written (docker.io when none). */
  registry: string;
  /** Repository path, with `library/` added for Docker Hub's official images. */
  repository: string;
  tag?: string;
  digest?: string;
  /** The reference as written. */
  original: string;
}

const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

export function parseReference(input: string): ImageReference {
  const original = input;
  let rest = input.trim();
  if (rest === '' || rest.length > 512) throw new Error(`invalid image reference "${input}"`);
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw new Error(`invalid digest in image reference "${input}"`);
  }
  let tag: string | undefined;
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw new Error(`invalid tag in image reference "${input}"`);
  }
  const parts = rest.split('/');
  let registry = 'docker.io';
  if (parts.length > 1 && (parts[0]!.includes('.') || parts[0]!.includes(':') || parts[0] === 'localhost' || parts[0]!.startsWith('['))) {
    registry = parts.shift()!;
  }
  if (parts.length === 0 || !parts.every((p) => COMPONENT.test(p))) throw new Error(`invalid repository in image reference "${input}"`);
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = 'docker.io';
  if (registry === 'docker.io' && parts.length === 1) parts.unshift('library');
  const ref: ImageReference = { registry, repository: parts.join('/'), original };
  if (tag) ref.tag = tag;
  if (digest) ref.digest = digest;
  if (!tag && !digest) ref.tag = 'latest';
  return ref;
}

/** The host to talk to for a registry name. */
export function registryHost(registry: string): string {
  return registry === 'docker.io' ? 'registry-1.docker.io' : registry;
}

/** True for hosts that may be spoken to over plain HTTP without `--insecure`. */
export function isLoopbackRegistry(registry: string): boolean {
  const host = registry.startsWith('[') ? registry.slice(1, registry.indexOf(']')) : registry.split(':')[0]!;
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

export function formatReference(ref: ImageReference): string {
  return `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** `os/arch[/variant]`, e.g. `linux/arm64/v8`. */
export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export function parsePlatform(text: string): Platform {
  const parts = text.split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^[\w.-]+$/.test(p))) {
    throw new Error(`invalid platform "${text}": expected os/arch[/variant]`);
  }
  const p: Platform = { os: parts[0]!, architecture: parts[1]! };
  if (parts[2]) p.variant = parts[2];
  return p;
}

export function formatPlatform(p: Platform): string {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}
