/**
 * The only form of a secret that leaves the engine: a short prefix (never more than a fifth of the
 * secret, at most 4 characters) and the length. `ghp_…(40 chars)`.
 */
export function redact(secret: string): string {
  const len = [...secret].length;
  const keep = Math.min(4, Math.floor(len / 5));
  const prefix = [...secret].slice(0, keep).join('');
  return `${prefix}…(${len} chars)`;
}
