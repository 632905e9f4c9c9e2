import { hash } from 'node:crypto';
import type { Resource } from '../model/index.js';

const SPACE = /\s/;
const SPACES = /\s+/g;

/**
 * A fingerprint identifies an occurrence without its line or file name, so baselines and SARIF
 * survive moved lines and renamed files: rule, resource identity and the offending content
 * (whitespace runs folded to one space), hashed with SHA-256 in one call.
 */
export function fingerprint(ruleId: string, resource: Resource | undefined, data: string): string {
  const content = SPACE.test(data) ? data.replace(SPACES, ' ').trim() : data;
  const who = resource ? `${resource.kind}/${resource.namespace ?? ''}/${resource.name}/${resource.container ?? ''}` : '';
  // The first 16 bytes, in hex. Hex output is crypto.hash's fast path: asking for a Buffer and
  // encoding part of it costs twice as much per call. The slice keeps the 64-character digest.
  return hash('sha256', `${ruleId}\0${who}\0${content}`).slice(0, 32);
}
