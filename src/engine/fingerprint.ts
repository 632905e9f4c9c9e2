import { createHash } from 'node:crypto';
import type { Resource } from '../model/index.js';

/**
 * A fingerprint identifies an occurrence without its line or file name, so baselines and SARIF
 * survive moved lines and renamed files: rule, resource identity and the offending content.
 */
export function fingerprint(ruleId: string, resource: Resource | undefined, data: string): string {
  const h = createHash('sha256');
  h.update(ruleId);
  h.update('\0');
  if (resource) h.update(`${resource.kind}/${resource.namespace ?? ''}/${resource.name}/${resource.container ?? ''}`);
  h.update('\0');
  h.update(data.replace(/\s+/g, ' ').trim());
  return h.digest('hex').slice(0, 32);
}
