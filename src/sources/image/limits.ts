/** Every bound an image reader enforces; hostile images must hit one of these, not the machine's. */
export interface ImageLimits {
  /** Largest manifest, index or config document accepted. */
  maxManifestBytes: number;
  /** Largest single compressed blob. */
  maxBlobBytes: number;
  /** Sum of all compressed layer bytes. */
  maxCompressedBytes: number;
  /** Sum of all uncompressed layer bytes. */
  maxExpandedBytes: number;
  /** Tar entries over all layers. */
  maxEntries: number;
  /** Layers in one image. */
  maxLayers: number;
  /** Expanded/compressed ratio of a layer, checked once the layer has expanded past `ratioGraceBytes`. */
  maxRatio: number;
  ratioGraceBytes: number;
  /** Largest file whose bytes are buffered for the catalog or the secret detectors. */
  maxFileBytes: number;
  /** Sum of buffered file bytes. */
  maxBufferedBytes: number;
  /** Outer archive (docker save / OCI tar) entries. */
  maxArchiveEntries: number;
  /** A registry request that sends no byte for this long fails. */
  idleTimeoutMs: number;
  /** A manifest or token request that takes longer than this fails. */
  requestTimeoutMs: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = {
  maxManifestBytes: 4 * 1024 * 1024,
  maxBlobBytes: 8 * 1024 ** 3,
  maxCompressedBytes: 16 * 1024 ** 3,
  maxExpandedBytes: 32 * 1024 ** 3,
  maxEntries: 2_000_000,
  maxLayers: 256,
  maxRatio: 200,
  ratioGraceBytes: 64 * 1024 * 1024,
  maxFileBytes: 64 * 1024 * 1024,
  maxBufferedBytes: 1024 * 1024 * 1024,
  maxArchiveEntries: 100_000,
  idleTimeoutMs: 30_000,
  requestTimeoutMs: 60_000,
};

export function resolveLimits(partial?: Partial<ImageLimits>): ImageLimits {
  return { ...DEFAULT_IMAGE_LIMITS, ...partial };
}
