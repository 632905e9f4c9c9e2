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
  // Hex of the first 16 bytes: a string of its own, not a slice that keeps the full digest alive.
  return hash('sha256', `${ruleId}\0${who}\0${content}`, 'buffer').toString('hex', 0, 16);
}
