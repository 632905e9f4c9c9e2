import { formatPlatform, type Platform } from './reference.js';

export const MEDIA = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerSchema1: 'application/vnd.docker.distribution.manifest.v1+json',
  dockerSchema1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
} as const;

export const MANIFEST_ACCEPT = [MEDIA.ociIndex, MEDIA.ociManifest, MEDIA.dockerList, MEDIA.dockerManifest].join(', ');

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform & { 'os.version'?: string };
  annotations?: Record<string, string>;
  urls?: string[];
}

export interface ImageManifest {
  kind: 'manifest';
  mediaType: string;
  config: Descriptor;
  layers: Descriptor[];
}

export interface ImageIndex {
  kind: 'index';
  mediaType: string;
  manifests: Descriptor[];
}

/** The part of an image configuration drydock reads (OCI image config / Docker image JSON). */
export interface ImageConfig {
  architecture?: string;
  os?: string;
  variant?: string;
  config?: {
    User?: string;
    Env?: string[] | null;
    Labels?: Record<string, string> | null;
    ExposedPorts?: Record<string, unknown> | null;
    Healthcheck?: { Test?: string[] } | null;
    Volumes?: Record<string, unknown> | null;
    Cmd?: string[] | null;
    Entrypoint?: string[] | null;
    WorkingDir?: string;
  };
  history?: { created?: string; created_by?: string; empty_layer?: boolean; comment?: string }[];
  rootfs?: { type?: string; diff_ids?: string[] };
}

const DIGEST = /^sha256:[a-f0-9]{64}$/;

export function isSha256Digest(d: unknown): d is string {
  return typeof d === 'string' && DIGEST.test(d);
}

function descriptor(value: unknown, where: string): Descriptor {
  if (!value || typeof value !== 'object') throw new Error(`${where}: not a descriptor`);
  const v = value as Record<string, unknown>;
  if (!isSha256Digest(v.digest)) throw new Error(`${where}: digest "${String(v.digest).slice(0, 80)}" is not a sha256 digest`);
  if (typeof v.size !== 'number' || !Number.isSafeInteger(v.size) || v.size < 0) throw new Error(`${where}: bad size`);
  const d: Descriptor = { mediaType: typeof v.mediaType === 'string' ? v.mediaType : '', digest: v.digest, size: v.size };
  if (v.platform && typeof v.platform === 'object') {
    const p = v.platform as Record<string, unknown>;
    if (typeof p.os === 'string' && typeof p.architecture === 'string') {
      d.platform = { os: p.os, architecture: p.architecture };
      if (typeof p.variant === 'string') d.platform.variant = p.variant;
    }
  }
  if (v.annotations && typeof v.annotations === 'object') d.annotations = v.annotations as Record<string, string>;
  if (Array.isArray(v.urls)) d.urls = v.urls.filter((u): u is string => typeof u === 'string');
  return d;
}

/** Parses a manifest or an index; anything else (schema 1, garbage) is an error with a reason. */
export function parseManifestDocument(bytes: Uint8Array, headerMediaType?: string): ImageManifest | ImageIndex {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new Error('manifest is not valid JSON');
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error('manifest is not a JSON object');
  const m = json as Record<string, unknown>;
  const mediaType = (typeof m.mediaType === 'string' ? m.mediaType : '') || (headerMediaType ?? '').split(';')[0]!.trim();
  if (m.schemaVersion === 1 || mediaType === MEDIA.dockerSchema1 || mediaType === MEDIA.dockerSchema1Signed) {
    throw new Error('Docker schema 1 manifests are not supported (deprecated since 2019)');
  }
  if (Array.isArray(m.manifests)) {
    if (m.manifests.length > 10_000) throw new Error('index lists too many manifests');
    return { kind: 'index', mediaType: mediaType || MEDIA.ociIndex, manifests: m.manifests.map((d, i) => descriptor(d, `manifests[${i}]`)) };
  }
  if (m.config && Array.isArray(m.layers)) {
    return {
      kind: 'manifest',
      mediaType: mediaType || MEDIA.ociManifest,
      config: descriptor(m.config, 'config'),
      layers: m.layers.map((d, i) => descriptor(d, `layers[${i}]`)),
    };
  }
  throw new Error(`not an image manifest or index${mediaType ? ` (media type ${mediaType})` : ''}`);
}

export function parseImageConfig(bytes: Uint8Array): { config: ImageConfig; text: string } {
  let text: string;
  let json: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    json = JSON.parse(text);
  } catch {
    throw new Error('image configuration is not valid JSON');
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error('image configuration is not a JSON object');
  return { config: json as ImageConfig, text };
}

/** Architecture names as Go spells them (what images use). */
function normArch(a: string): string {
  const m: Record<string, string> = { x86_64: 'amd64', aarch64: 'arm64', x64: 'amd64', ia32: '386' };
  return m[a] ?? a;
}

export function hostPlatform(): Platform {
  const arch = normArch(process.arch);
  const p: Platform = { os: 'linux', architecture: arch };
  if (arch === 'arm64') p.variant = 'v8';
  return p;
}

function variantMatches(want: Platform, have: Platform): boolean {
  if (!want.variant) return true;
  if (have.variant === want.variant) return true;
  // arm64 images often omit v8.
  return want.architecture === 'arm64' && want.variant === 'v8' && !have.variant;
}

/** Picks the manifest for a platform from an index; attestation manifests (unknown/unknown) never match. */
export function selectPlatform(index: ImageIndex, want: Platform): Descriptor {
  const candidates = index.manifests.filter((d) => d.platform && d.platform.os === want.os && normArch(d.platform.architecture) === normArch(want.architecture));
  const exact = candidates.find((d) => variantMatches(want, d.platform!));
  if (exact) return exact;
  const offered = index.manifests
    .filter((d) => d.platform && d.platform.os !== 'unknown')
    .map((d) => formatPlatform(d.platform!))
    .join(', ');
  throw new Error(`the index has no manifest for ${formatPlatform(want)}${offered ? `; it offers ${offered}` : ''}`);
}
