/** A container image reference split into its parts, as the container runtime reads it. */
export interface ImageRef {
  /** Registry host as written, or undefined when the reference names none (Docker Hub). */
  registry?: string;
  /** Repository path without registry, tag or digest. */
  repository: string;
  tag?: string;
  digest?: string;
}

/**
 * Splits `[registry/]repository[:tag][@digest]`. The first path component is a registry when it holds a
 * dot or a colon or is `localhost`, which is how the Docker reference grammar tells them apart.
 */
const refCache = new Map<string, ImageRef>();

/**
 * Parses an image reference. Several rules ask about the same container's image in turn, so the
 * last few answers are kept. The cache stays small on purpose: its keys are slices of the scanned
 * file's text and keep that text alive while they are cached.
 */
export function parseImageRef(image: string): ImageRef {
  let ref = refCache.get(image);
  if (ref === undefined) {
    ref = parseImageRefUncached(image);
    if (refCache.size >= 64) refCache.clear();
    refCache.set(image, ref);
  }
  return ref;
}

function parseImageRefUncached(image: string): ImageRef {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | undefined;
  const first = rest.indexOf('/');
  if (first > 0) {
    const head = rest.slice(0, first);
    if (head.includes('.') || head.includes(':') || head === 'localhost') {
      registry = head;
      rest = rest.slice(first + 1);
    }
  }
  const ref: ImageRef = { repository: rest };
  if (registry !== undefined) ref.registry = registry;
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** `registry/repository` with Docker Hub's implicit host and `library/` namespace made explicit. */
export function canonicalName(ref: ImageRef): string {
  const registry = ref.registry === undefined || DOCKER_HUB_ALIASES.has(ref.registry.toLowerCase()) ? 'docker.io' : ref.registry.toLowerCase();
  const repository = registry === 'docker.io' && !ref.repository.includes('/') ? `library/${ref.repository}` : ref.repository;
  return `${registry}/${repository}`;
}

/** A digest the runtime accepts: `algorithm:hex`, e.g. sha256 with 64 hex digits. */
export function isDigest(d: string | undefined): boolean {
  return d !== undefined && /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/.test(d);
}
