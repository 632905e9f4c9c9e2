import type { ImageFile } from '../../parsers/image/filesystem.js';
import type { ImageConfig } from '../../parsers/image/manifest.js';
import type { Platform } from '../../parsers/image/reference.js';
import type { ImageLimits } from './limits.js';
import type { WantsFile } from './layer.js';

export type ImageSourceKind = 'docker-archive' | 'oci-archive' | 'oci-layout' | 'registry' | 'docker-engine';

export interface ImageLayerInfo {
  index: number;
  /** The name the reader saw the layer under (archive path or blob digest). */
  key: string;
  /** Digest of the layer as stored (compressed) in the archive or registry. */
  digest: string;
  /** sha256 of the uncompressed tar: the id findings and packages use, the same whatever the source. */
  diffId: string;
  mediaType?: string;
  compression: 'gzip' | 'zstd' | 'none';
  compressedSize: number;
  expandedSize: number;
  entries: number;
}

export interface ImageProblem {
  path?: string;
  layer?: string;
  code: string;
  message: string;
}

/** An image read from any source: configuration, layers and the virtual filesystem. */
export interface ReadImage {
  /** The reference shown to users. */
  reference: string;
  source: ImageSourceKind;
  manifestDigest?: string;
  configDigest: string;
  config: ImageConfig;
  /** The configuration JSON exactly as stored. */
  configText: string;
  platform?: string;
  layers: ImageLayerInfo[];
  /** Files of the final filesystem, sorted by path (no leading slash). */
  files: ImageFile[];
  /** Files present in some layer but deleted or replaced by a later one. */
  removed: ImageFile[];
  /** Per-entry problems (path traversal, escaping links, hard-link loops, files too large to buffer). */
  problems: ImageProblem[];
}

export interface ReadImageOptions {
  /** Which files to buffer (path without leading slash, size from the tar header). */
  wants?: WantsFile;
  limits?: Partial<ImageLimits>;
  platform?: Platform;
  /** Allow plain HTTP and skip the loopback-only rule. */
  insecure?: boolean;
  /** Files to read from every layer and hand to `onFile` (then dropped): secret detection. */
  inspect?: WantsFile;
  onFile?: (layerKey: string, path: string, bytes: Uint8Array) => void;
  /**
   * `onFile` keeps nothing of `bytes` once it returns (no views, no references): a reader may then
   * pass each inspected file in one reused buffer instead of a buffer of its own.
   */
  onFileBorrows?: boolean;
  /** Called with byte counts while layers download; the CLI draws a bar only on a TTY. */
  onProgress?: (event: { done: number; total: number; layer: string }) => void;
  /** Docker config directory (default $DOCKER_CONFIG or ~/.docker). */
  dockerConfigDir?: string;
  /** Unix socket of a Docker engine (default /var/run/docker.sock or DOCKER_HOST=unix://…). */
  dockerSocket?: string | false;
  /** Name the image inside a multi-image archive (docker save with several tags). */
  select?: string;
}
