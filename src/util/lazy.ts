import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A package loaded on first use. Most runs never need the image, database or SBOM libraries, and
 * loading them at start-up costs a short scan more than the scan itself.
 */
export function lazy<T>(id: string): () => T {
  let mod: T | undefined;
  return () => (mod ??= require(id) as T);
}
