import { composeRules } from './compose/index.js';
import { dockerfileRules } from './dockerfile/index.js';
import { imageRules } from './image/index.js';
import { kubernetesRules } from './kubernetes/index.js';
import { secretRules } from './secrets/index.js';
import type { Rule } from './types.js';
import { compareIds } from '../util/compare.js';

/** THE registry: every rule drydock has, sorted by id. */
export const allRules: readonly Rule<any>[] = [...composeRules, ...dockerfileRules, ...imageRules, ...kubernetesRules, ...secretRules].sort((a, b) => compareIds(a.meta.id, b.meta.id));

export function findRule(idOrAlias: string): Rule<any> | undefined {
  return allRules.find((r) => r.meta.id === idOrAlias.toUpperCase() || r.meta.slug === idOrAlias) ?? allRules.find((r) => r.meta.aliases.some((a) => a.toUpperCase() === idOrAlias.toUpperCase()));
}
