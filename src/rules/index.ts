import { dockerfileRules } from './dockerfile/index.js';
import { kubernetesRules } from './kubernetes/index.js';
import type { Rule } from './types.js';

/** THE registry: every rule drydock has, sorted by id. */
export const allRules: readonly Rule<any>[] = [...dockerfileRules, ...kubernetesRules].sort((a, b) => a.meta.id.localeCompare(b.meta.id, 'en', { numeric: true }));

export function findRule(idOrAlias: string): Rule<any> | undefined {
  return allRules.find((r) => r.meta.id === idOrAlias.toUpperCase() || r.meta.slug === idOrAlias) ?? allRules.find((r) => r.meta.aliases.some((a) => a.toUpperCase() === idOrAlias.toUpperCase()));
}
