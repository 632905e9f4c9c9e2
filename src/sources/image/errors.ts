/** Machine-readable reasons an image could not be read. */
export type ImageErrorCode =
  | 'not-found'
  | 'bad-reference'
  | 'unsupported'
  | 'too-large'
  | 'too-many-entries'
  | 'decompression-bomb'
  | 'corrupt-blob'
  | 'truncated-blob'
  | 'digest-mismatch'
  | 'size-mismatch'
  | 'no-platform'
  | 'bad-manifest'
  | 'registry-error'
  | 'auth-failed'
  | 'timeout'
  | 'insecure-refused'
  | 'engine-error';

/** A failure to read an image, with a code a caller can branch on and a message a person can act on. */
export class ImageError extends Error {
  readonly code: ImageErrorCode;
  constructor(code: ImageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImageError';
    this.code = code;
  }
}

export function isImageError(e: unknown): e is ImageError {
  return e instanceof ImageError;
}
