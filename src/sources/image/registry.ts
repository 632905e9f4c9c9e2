import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { hostPlatform, MANIFEST_ACCEPT, parseManifestDocument, selectPlatform, type Descriptor, type ImageManifest } from '../../parsers/image/manifest.js';
import { formatPlatform, formatReference, isLoopbackRegistry, parseReference, registryHost, type ImageReference } from '../../parsers/image/reference.js';
import { assembleImage } from './assemble.js';
import { ImageError } from './errors.js';
import { inspectOptions, readLayer, ReadBudget, type WantsFile } from './layer.js';
import { resolveLimits, type ImageLimits } from './limits.js';
import type { ReadImage, ReadImageOptions } from './types.js';

export interface Credentials {
  username?: string;
  password?: string;
  /** An OAuth refresh token (`identitytoken` in config.json). */
  identityToken?: string;
}

/** Keys under which config.json may hold the credentials of a registry. */
function credentialKeys(registry: string): string[] {
  const keys = [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/v1/`, `https://${registry}/v2/`];
  if (registry === 'docker.io') keys.push('https://index.docker.io/v1/', 'index.docker.io', 'registry-1.docker.io', 'https://registry-1.docker.io');
  return keys;
}

/**
 * Credentials for a registry from `$DOCKER_CONFIG/config.json` or `~/.docker/config.json`
 * (`auths` entries with a base64 `auth`, or `username`/`password`, or `identitytoken`).
 * Credential helpers are programs; drydock does not run them.
 */
export function loadCredentials(registry: string, configDir?: string): Credentials | undefined {
  const dir = configDir ?? process.env.DOCKER_CONFIG ?? join(homedir(), '.docker');
  const file = join(dir, 'config.json');
  let parsed: unknown;
  try {
    if (statSync(file).size > 1024 * 1024) return undefined;
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const auths = (parsed as { auths?: Record<string, unknown> } | null)?.auths;
  if (!auths || typeof auths !== 'object') return undefined;
  for (const key of credentialKeys(registry)) {
    const entry = auths[key] as Record<string, unknown> | undefined;
    if (!entry || typeof entry !== 'object') continue;
    const creds: Credentials = {};
    if (typeof entry.auth === 'string' && entry.auth !== '') {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const i = decoded.indexOf(':');
      if (i > 0) {
        creds.username = decoded.slice(0, i);
        creds.password = decoded.slice(i + 1);
      }
    }
    if (typeof entry.username === 'string') creds.username = entry.username;
    if (typeof entry.password === 'string') creds.password = entry.password;
    if (typeof entry.identitytoken === 'string' && entry.identitytoken) creds.identityToken = entry.identitytoken;
    if (creds.username || creds.identityToken) return creds;
  }
  return undefined;
}

interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

export function parseChallenge(header: string): Challenge | undefined {
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!m) return undefined;
  const params: Record<string, string> = {};
  const re = /(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g;
  let p: RegExpExecArray | null;
  while ((p = re.exec(m[2]!))) params[p[1]!.toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : p[3]!;
  return { scheme: m[1]!.toLowerCase(), params };
}

function networkError(e: unknown, what: string): ImageError {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return new ImageError('timeout', `${what}: timed out`);
  if (e instanceof ImageError) return e;
  const detail = err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
  return new ImageError('registry-error', `${what}: ${detail}`, { cause: e });
}

async function readBody(res: Response, max: number, what: string, timeoutMs: number): Promise<Uint8Array> {
  const len = Number(res.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(len) && len > max) {
    await res.body?.cancel().catch(() => {});
    throw new ImageError('too-large', `${what}: ${len} bytes, over the ${max}-byte limit`);
  }
  if (!res.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let got = 0;
  for await (const c of idle(res.body as unknown as AsyncIterable<Uint8Array>, timeoutMs, what)) {
    got += c.length;
    if (got > max) throw new ImageError('too-large', `${what}: more than ${max} bytes`);
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}

/** Fails when a stream sends nothing for `ms`. */
async function* idle(src: AsyncIterable<Uint8Array>, ms: number, what: string): AsyncGenerator<Uint8Array> {
  const it = src[Symbol.asyncIterator]();
  try {
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ImageError('timeout', `${what}: no data for ${ms} ms`)), ms);
      });
      let r: IteratorResult<Uint8Array>;
      try {
        r = await Promise.race([it.next(), timeout]);
      } catch (e) {
        throw networkError(e, what);
      } finally {
        clearTimeout(timer);
      }
      if (r.done) return;
      yield r.value;
    }
  } finally {
    void it.return?.().catch(() => {});
  }
}

function registryMessage(body: Uint8Array): string {
  try {
    const j = JSON.parse(Buffer.from(body).toString('utf8')) as { errors?: { code?: string; message?: string }[] };
    const e = j.errors?.[0];
    if (e) return `${e.code ?? ''} ${e.message ?? ''}`.trim().slice(0, 200);
  } catch {
    /* not JSON */
  }
  return '';
}

export interface RegistryClientOptions {
  insecure?: boolean;
  limits?: Partial<ImageLimits>;
  credentials?: Credentials;
  dockerConfigDir?: string;
  fetch?: typeof fetch;
}

/** A small OCI distribution client: anonymous, bearer-token and basic auth; bounded answers; timeouts. */
export class RegistryClient {
  readonly limits: ImageLimits;
  private token?: string;
  private basic?: string;
  private scheme: 'https' | 'http';
  private readonly creds: Credentials | undefined;
  private readonly fetchImpl: typeof fetch;

  constructor(
    readonly ref: ImageReference,
    private readonly options: RegistryClientOptions = {},
  ) {
    this.limits = resolveLimits(options.limits);
    this.creds = options.credentials ?? loadCredentials(ref.registry, options.dockerConfigDir);
    this.fetchImpl = options.fetch ?? fetch;
    // Loopback registries are plain HTTP by convention; elsewhere HTTPS unless --insecure falls back.
    this.scheme = isLoopbackRegistry(ref.registry) ? 'http' : 'https';
  }

  private url(path: string): string {
    return `${this.scheme}://${registryHost(this.ref.registry)}/v2/${this.ref.repository}/${path}`;
  }

  private async send(url: string, headers: Record<string, string>, what: string, signal: AbortSignal): Promise<Response> {
    try {
      return await this.fetchImpl(url, { headers, signal, redirect: 'follow' });
    } catch (e) {
      throw networkError(e, what);
    }
  }

  /** GET with auth: answers one 401 challenge (bearer or basic) and retries. */
  async get(path: string, accept: string | undefined, what: string, signal: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = { 'user-agent': 'drydock' };
    if (accept) headers.accept = accept;
    const withAuth = () => {
      const h = { ...headers };
      if (this.token) h.authorization = `Bearer ${this.token}`;
      else if (this.basic) h.authorization = `Basic ${this.basic}`;
      return h;
    };
    let res: Response;
    try {
      res = await this.send(this.url(path), withAuth(), what, signal);
    } catch (e) {
      if (this.scheme === 'https' && this.options.insecure && e instanceof ImageError && e.code === 'registry-error') {
        this.scheme = 'http';
        res = await this.send(this.url(path), withAuth(), what, signal);
      } else throw e;
    }
    if (res.status !== 401) return res;
    const header = res.headers.get('www-authenticate') ?? '';
    await res.body?.cancel().catch(() => {});
    const challenge = parseChallenge(header);
    if (!challenge) throw new ImageError('auth-failed', `${what}: the registry wants authentication but sent no usable challenge`);
    if (challenge.scheme === 'basic') {
      if (this.basic) throw new ImageError('auth-failed', `${what}: the registry refused the credentials`);
      if (!this.creds?.username) throw new ImageError('auth-failed', `${what}: the registry wants a user name and password; none found in the Docker config`);
      this.basic = Buffer.from(`${this.creds.username}:${this.creds.password ?? ''}`).toString('base64');
    } else if (challenge.scheme === 'bearer') {
      // A new token each time the registry asks: the old one expired, or covers another scope.
      this.token = await this.fetchToken(challenge, signal);
    } else {
      throw new ImageError('auth-failed', `${what}: unsupported authentication scheme "${challenge.scheme}"`);
    }
    const retry = await this.send(this.url(path), withAuth(), what, signal);
    if (retry.status === 401) {
      await retry.body?.cancel().catch(() => {});
      throw new ImageError('auth-failed', `${what}: the registry refused the ${this.creds ? 'credentials' : 'anonymous token'}`);
    }
    return retry;
  }

  private async fetchToken(challenge: Challenge, signal: AbortSignal): Promise<string> {
    const realm = challenge.params.realm;
    if (!realm) throw new ImageError('auth-failed', 'bearer challenge without a realm');
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      throw new ImageError('auth-failed', `bearer realm "${realm.slice(0, 100)}" is not a URL`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (isLoopbackRegistry(url.host) || this.options.insecure))) {
      throw new ImageError('insecure-refused', `token service ${url.origin} is not HTTPS; use --insecure to allow it`);
    }
    const scope = challenge.params.scope ?? `repository:${this.ref.repository}:pull`;
    let res: Response;
    if (this.creds?.identityToken) {
      // An identity token (docker login with OAuth) is a refresh token: exchange it with a POST.
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: this.creds.identityToken, client_id: 'drydock', scope });
      if (challenge.params.service) form.set('service', challenge.params.service);
      try {
        res = await this.fetchImpl(url.toString(), { method: 'POST', headers: { 'user-agent': 'drydock', 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(), signal });
      } catch (e) {
        throw networkError(e, 'token request');
      }
    } else {
      if (challenge.params.service) url.searchParams.set('service', challenge.params.service);
      url.searchParams.set('scope', scope);
      const headers: Record<string, string> = { 'user-agent': 'drydock' };
      if (this.creds?.username) headers.authorization = `Basic ${Buffer.from(`${this.creds.username}:${this.creds.password ?? ''}`).toString('base64')}`;
      res = await this.send(url.toString(), headers, 'token request', signal);
    }
    const body = await readBody(res, 1024 * 1024, 'token response', this.limits.idleTimeoutMs);
    if (res.status === 401 || res.status === 403) throw new ImageError('auth-failed', `token service refused ${this.creds ? 'the credentials' : 'anonymous access'} (HTTP ${res.status})`);
    if (!res.ok) throw new ImageError('auth-failed', `token service answered HTTP ${res.status}`);
    let token: unknown;
    try {
      const j = JSON.parse(Buffer.from(body).toString('utf8')) as { token?: unknown; access_token?: unknown };
      token = j.token ?? j.access_token;
    } catch {
      throw new ImageError('auth-failed', 'token service answered something that is not JSON');
    }
    if (typeof token !== 'string' || token === '' || token.length > 64 * 1024) throw new ImageError('auth-failed', 'token service answered without a token');
    return token;
  }

  /** Fetches a manifest or index and checks its digest. */
  async manifest(reference: string): Promise<{ bytes: Uint8Array; digest: string; mediaType: string }> {
    const what = `manifest ${this.ref.repository}:${reference}`;
    const signal = AbortSignal.timeout(this.limits.requestTimeoutMs);
    const res = await this.get(`manifests/${reference}`, MANIFEST_ACCEPT, what, signal);
    const body = await readBody(res, this.limits.maxManifestBytes, what, this.limits.idleTimeoutMs);
    if (res.status === 404) throw new ImageError('not-found', `${what}: not found in ${this.ref.registry}`);
    if (!res.ok) throw new ImageError('registry-error', `${what}: HTTP ${res.status} ${registryMessage(body)}`.trim());
    const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
    if (reference.startsWith('sha256:') && reference !== digest) {
      throw new ImageError('digest-mismatch', `${what}: the registry sent a manifest whose digest is ${digest}`);
    }
    const claimed = res.headers.get('docker-content-digest');
    if (claimed && claimed.startsWith('sha256:') && claimed !== digest) {
      throw new ImageError('digest-mismatch', `${what}: Docker-Content-Digest says ${claimed}, the bytes hash to ${digest}`);
    }
    return { bytes: body, digest, mediaType: res.headers.get('content-type') ?? '' };
  }

  /** Fetches a small blob (the configuration) whole and checks its digest. */
  async smallBlob(d: Descriptor): Promise<Uint8Array> {
    const what = `blob ${d.digest}`;
    if (d.size > this.limits.maxManifestBytes) throw new ImageError('too-large', `${what}: ${d.size} bytes, over the ${this.limits.maxManifestBytes}-byte limit`);
    const signal = AbortSignal.timeout(this.limits.requestTimeoutMs);
    const res = await this.get(`blobs/${d.digest}`, undefined, what, signal);
    const body = await readBody(res, this.limits.maxManifestBytes, what, this.limits.idleTimeoutMs);
    if (!res.ok) throw new ImageError(res.status === 404 ? 'not-found' : 'registry-error', `${what}: HTTP ${res.status} ${registryMessage(body)}`.trim());
    const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
    if (digest !== d.digest) throw new ImageError('digest-mismatch', `${what}: the bytes hash to ${digest}`);
    return body;
  }

  /** Opens a layer blob as a stream of chunks; the reader verifies the digest while it streams. */
  async blobStream(d: Descriptor, onChunk?: (n: number) => void): Promise<AsyncIterable<Uint8Array>> {
    const what = `blob ${d.digest}`;
    const controller = new AbortController();
    const headerTimer = setTimeout(() => controller.abort(new DOMException('header timeout', 'TimeoutError')), this.limits.requestTimeoutMs);
    let res: Response;
    try {
      res = await this.get(`blobs/${d.digest}`, undefined, what, controller.signal);
    } finally {
      clearTimeout(headerTimer);
    }
    if (!res.ok) {
      const body = await readBody(res, 64 * 1024, what, this.limits.idleTimeoutMs).catch(() => new Uint8Array(0));
      throw new ImageError(res.status === 404 ? 'not-found' : 'registry-error', `${what}: HTTP ${res.status} ${registryMessage(body)}`.trim());
    }
    if (!res.body) throw new ImageError('truncated-blob', `${what}: empty answer`);
    const body = res.body as unknown as AsyncIterable<Uint8Array>;
    const limitMs = this.limits.idleTimeoutMs;
    return (async function* () {
      try {
        for await (const c of idle(body, limitMs, what)) {
          onChunk?.(c.length);
          yield c;
        }
      } finally {
        controller.abort();
      }
    })();
  }
}

/** Pulls an image from a registry, streaming its layers through the reader; nothing touches the disk. */
export async function pullImage(refText: string, options: ReadImageOptions = {}): Promise<ReadImage> {
  let ref: ImageReference;
  try {
    ref = parseReference(refText);
  } catch (e) {
    throw new ImageError('bad-reference', (e as Error).message);
  }
  const client = new RegistryClient(ref, {
    ...(options.insecure !== undefined ? { insecure: options.insecure } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.dockerConfigDir ? { dockerConfigDir: options.dockerConfigDir } : {}),
  });
  const limits = client.limits;
  let current = await client.manifest(ref.digest ?? ref.tag ?? 'latest');
  let platform: string | undefined;
  let manifest: ImageManifest | undefined;
  for (let depth = 0; depth < 4 && !manifest; depth++) {
    let doc;
    try {
      doc = parseManifestDocument(current.bytes, current.mediaType);
    } catch (e) {
      throw new ImageError('bad-manifest', `${formatReference(ref)}: ${(e as Error).message}`);
    }
    if (doc.kind === 'manifest') {
      manifest = doc;
      break;
    }
    let chosen: Descriptor;
    try {
      chosen = selectPlatform(doc, options.platform ?? hostPlatform());
    } catch (e) {
      throw new ImageError('no-platform', `${formatReference(ref)}: ${(e as Error).message}`);
    }
    platform = formatPlatform(chosen.platform!);
    current = await client.manifest(chosen.digest);
  }
  if (!manifest) throw new ImageError('bad-manifest', `${formatReference(ref)}: indexes nested too deeply`);
  if (manifest.layers.length > limits.maxLayers) throw new ImageError('too-large', `image has ${manifest.layers.length} layers (limit ${limits.maxLayers})`);
  const configBytes = await client.smallBlob(manifest.config);
  let diffIds: string[] | undefined;
  try {
    const cfg = JSON.parse(Buffer.from(configBytes).toString('utf8')) as { rootfs?: { diff_ids?: unknown } };
    if (Array.isArray(cfg.rootfs?.diff_ids)) diffIds = cfg.rootfs!.diff_ids as string[];
  } catch {
    /* assembleImage reports it */
  }
  const budget = new ReadBudget(limits);
  const wants: WantsFile = options.wants ?? (() => false);
  const total = manifest.layers.reduce((n, d) => n + d.size, 0);
  let done = 0;
  const layers = [];
  for (const [i, d] of manifest.layers.entries()) {
    if (d.urls?.length) throw new ImageError('unsupported', `layer ${d.digest} is a foreign layer (${d.mediaType}); not supported`);
    const stream = await client.blobStream(d, (n) => {
      done += n;
      options.onProgress?.({ done, total, layer: d.digest });
    });
    const read = await readLayer(stream, {
      name: d.digest,
      wants,
      budget,
      ...inspectOptions(options, d.digest),
      expectDigest: d.digest,
      expectSize: d.size,
      ...(diffIds?.[i] ? { expectDiffId: diffIds[i] } : {}),
    });
    layers.push({ read, descriptor: d });
  }
  return assembleImage({
    reference: formatReference(ref),
    source: 'registry',
    manifestDigest: current.digest,
    configDigest: manifest.config.digest,
    configBytes,
    layers,
    ...(platform ? { platform } : {}),
  });
}
